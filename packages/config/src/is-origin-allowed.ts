import { parseOrigin, parseOriginPattern } from './origin';

const DEFAULT_PORTS: Readonly<Record<string, string>> = { 'http:': '80', 'https:': '443' };

/**
 * Whether an `Origin` header value matches one of a widget's allowed origins: same scheme, same
 * host (case-insensitive, IDN and punycode alike), same port with default ports normalised
 * (`https://a.example:443` is `https://a.example`), or any port where the pattern says `:*`.
 * Anything that is not an http(s) origin (`null`, a path, garbage) is not allowed; invalid
 * patterns match nothing, so an empty list allows nothing.
 */
export function isOriginAllowed(origin: string, allowedOrigins: string[]): boolean {
  const o = parseOrigin(origin);
  if (!o) return false;
  const port = o.port || DEFAULT_PORTS[o.protocol];
  return allowedOrigins.some((pattern) => {
    const p = parseOriginPattern(pattern);
    if (!p || p.protocol !== o.protocol || p.hostname !== o.hostname) return false;
    return p.port === '*' || (p.port || DEFAULT_PORTS[p.protocol]) === port;
  });
}
