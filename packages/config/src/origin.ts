/**
 * Origins as the settings list them: `https://shop.example`, `http://localhost:8080`, or with a
 * port wildcard `http://localhost:*`. The WHATWG URL parser does the host work (lower case,
 * punycode for IDN, IPv6, default ports dropped), so patterns and Origin headers compare alike.
 * {@link normalizeOrigin} turns what a site owner types (`example.com`) into such an origin.
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
) => {
  protocol: string;
  host: string;
  hostname: string;
  port: string;
  username: string;
  password: string;
};

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

// What a site owner may type: an optional http(s) scheme, the host (and port), and perhaps a
// path, query or fragment of a page, which only tell the site.
const ADDRESS_RE = /^(?:(https?):\/\/)?([^/?#\s]*)(?:[/?#]\S*)?$/i;
// Without a scheme, a host must look like a site's (a dot, a bracketed IPv6 address or
// localhost) with an optional port: "https//shop.example" or "shop" are typos, not sites.
const BARE_HOST_RE = /^(?:[^:]*\.[^:.]+|\[[\dA-F:.]+\]|localhost)(?::(?:\d{1,5}|\*))?$/i;
// This machine, where a site under development runs over plain http.
const LOCAL_RE = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::|$)/i;

/**
 * The origin a site owner means by `input`: `example.com` and `www.example.com` are
 * `https://example.com` and `https://www.example.com`; `localhost:8080` or `127.0.0.1:*` are
 * http; a scheme given is kept; a page address (`https://example.com/contacts`) gives its site;
 * the result is in the form browsers send (lower case, punycode, no default port), or with `:*`
 * for any port. Null when `input` names no http(s) site, so the caller keeps what was typed and
 * the schema says what is wrong with it.
 */
export function normalizeOrigin(input: string): string | null {
  const m = ADDRESS_RE.exec(input.trim());
  if (!m) return null;
  const [, scheme, authority = ''] = m;
  if (!scheme && !BARE_HOST_RE.test(authority)) return null;
  // The port wildcard is no URL syntax: off for the parser, back on the result.
  const wildcard = authority.endsWith(':*');
  const hostPort = wildcard ? authority.slice(0, -2) : authority;
  const protocol = scheme ?? (LOCAL_RE.test(authority) ? 'http' : 'https');
  let url: InstanceType<typeof URL>;
  try {
    url = new URL(`${protocol}://${hostPort}`);
  } catch {
    return null;
  }
  if (url.username !== '' || url.password !== '') return null;
  const origin = `${url.protocol}//${wildcard ? `${url.hostname}:*` : url.host}`;
  return parseOriginPattern(origin) ? origin : null;
}

/** One allowed origin: `scheme://host`, an optional `:port` or `:*` (any port), no path. */
export const OriginPatternSchema = v.pipe(
  text(300),
  v.check(
    (s: string) => parseOriginPattern(s) !== null,
    'must be a site like https://shop.example, https://shop.example:8443 or http://localhost:* (http or https, a host, an optional port or *, no path)',
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
