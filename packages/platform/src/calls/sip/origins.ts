/**
 * A widget's allowed origins as one POSIX extended regular expression, for Kamailio to check the
 * `Origin` of a WebSocket handshake with `=~` (htable `worigin`). It accepts the Origin values a
 * browser sends that `isOriginAllowed` of @frontdesk/config accepts: same scheme and host, the
 * pattern's port (or any port for `:*`), the default port written or not.
 */

/** An allowed-origin pattern as @frontdesk/config's schema accepts it (origin.ts there). */
const PATTERN = /^(https?):\/\/(\[[0-9A-Fa-f:.]+\]|[^/?#@\\\s:*[\]]+)(?::(\d{1,5}|\*))?$/i;

/** Scheme, host (lower case, punycode) and port ("" default, "*" any) of a pattern. */
function parsePattern(pattern: string) {
  const m = PATTERN.exec(pattern);
  if (!m) return undefined;
  const [, scheme = '', host = '', port] = m;
  if (port !== undefined && port !== '*' && Number(port) > 65535) return undefined;
  try {
    const url = new URL(
      `${scheme}://${host}${port === undefined || port === '*' ? '' : `:${port}`}`,
    );
    if (url.hostname === '' || url.username !== '' || url.password !== '') return undefined;
    return { protocol: url.protocol, hostname: url.hostname, port: port === '*' ? '*' : url.port };
  } catch {
    return undefined;
  }
}

/** Matches no Origin a browser can send (every Origin has "://" or is "null"). */
export const NO_ORIGIN = '^-$';

const DEFAULT_PORTS: Readonly<Record<string, string>> = { 'http:': '80', 'https:': '443' };

/** Characters a parsed hostname may hold: letters, digits, dot, hyphen; IPv6 in brackets. */
const HOST = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])$/;

/** One character of a hostname as a regex literal (the same in POSIX ERE and JavaScript). */
function literal(ch: string): string {
  return /[a-z0-9:-]/.test(ch) ? ch : `\\${ch}`;
}

/** The expression for one pattern, or undefined when it cannot match any origin. */
function alternative(pattern: string): string | undefined {
  const parts = parsePattern(pattern);
  if (!parts || !HOST.test(parts.hostname)) return undefined;
  const scheme = parts.protocol.slice(0, -1);
  const host = [...parts.hostname].map(literal).join('');
  const defaultPort = DEFAULT_PORTS[parts.protocol];
  let port: string;
  if (parts.port === '*') port = '(:[0-9]{1,5})?';
  else if (parts.port === '' || parts.port === defaultPort) port = `(:${defaultPort})?`;
  else port = `:${parts.port}`;
  return `${scheme}://${host}${port}`;
}

/** `^(a|b|…)$` over the allowed origins; {@link NO_ORIGIN} when none is usable. */
export function originsRegex(allowedOrigins: readonly string[]): string {
  const alternatives = [...new Set(allowedOrigins.map(alternative).filter((a) => a !== undefined))];
  return alternatives.length === 0 ? NO_ORIGIN : `^(${alternatives.join('|')})$`;
}
