/**
 * Origins as the settings list them: `https://shop.example`, `http://localhost:8080`, or with a
 * port wildcard `http://localhost:*`. The WHATWG URL parser does the host work (lower case,
 * punycode for IDN, IPv6, default ports dropped), so patterns and Origin headers compare alike.
 */
import * as v from 'valibot';
import { text } from './text';

/** An origin reduced to what two origins must share to be the same. */
export interface OriginParts {
  /** "http:" or "https:". */
  protocol: string;
  /** Lower case, punycode; IPv6 in brackets. */
  hostname: string;
  /** The port as digits, "" for the scheme's default port, or "*" for any port. */
  port: string;
}

/**
 * The WHATWG URL class of browsers and Node; declared here because this package compiles
 * against the plain ES library (no DOM, no Node types).
 */
declare const URL: new (
  url: string,
) => { protocol: string; hostname: string; port: string; username: string; password: string };

// Scheme, host (IPv6 in brackets; otherwise no colon, so "host:" is not a host, and no "*": the
// wildcard is for ports only), optional port or "*", and nothing after: an origin has no path,
// query, fragment or credentials. The URL parser then judges the host itself.
const ORIGIN_RE = /^(https?):\/\/(\[[0-9A-Fa-f:.]+\]|[^/?#@\\\s:*[\]]+)(?::(\d{1,5}|\*))?$/i;

function split(origin: string, allowWildcard: boolean): OriginParts | null {
  const m = ORIGIN_RE.exec(origin);
  if (!m) return null;
  const [, scheme = '', host = '', port] = m;
  if (port === '*' && !allowWildcard) return null;
  if (port !== undefined && port !== '*' && Number(port) > 65535) return null;
  let url: InstanceType<typeof URL>;
  try {
    url = new URL(`${scheme}://${host}${port === undefined || port === '*' ? '' : `:${port}`}`);
  } catch {
    return null;
  }
  if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
  return { protocol: url.protocol, hostname: url.hostname, port: port === '*' ? '*' : url.port };
}

/** The parts of an allowed-origin pattern, or null when it is not one. */
export function parseOriginPattern(pattern: string): OriginParts | null {
  return split(pattern, true);
}

/** The parts of an Origin header's value, or null when it is not an http(s) origin ("null"). */
export function parseOrigin(origin: string): OriginParts | null {
  return split(origin, false);
}

/** One allowed origin: `scheme://host`, an optional `:port` or `:*` (any port), no path. */
export const OriginPatternSchema = v.pipe(
  text(300),
  v.check(
    (s: string) => parseOriginPattern(s) !== null,
    'must be an origin like https://shop.example or http://localhost:* (http or https, a host, an optional port or *, no path)',
  ),
);

/** At most this many allowed origins per widget. */
export const MAX_ALLOWED_ORIGINS = 100;

/**
 * The sites whose pages may use the widget (the platform answers 403 to any other Origin); empty
 * means none but the platform's own pages, which send no Origin.
 */
export const AllowedOriginsSchema = v.pipe(
  v.array(OriginPatternSchema, 'must be a list of origins'),
  v.maxLength(MAX_ALLOWED_ORIGINS, `must have at most ${MAX_ALLOWED_ORIGINS} origins`),
);
