/**
 * The client's address behind trusted proxies (TRUST_PROXY): the per-address limits count real
 * clients, not the TLS proxy every request comes through. Fastify's `request.ip` and the socket.io
 * handshakes use one rule, that of `@fastify/proxy-addr` (Fastify's own): X-Forwarded-For is read
 * from the right, hop by hop, only while the hop it came from is a trusted proxy.
 */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';

/** Whether the hop at `address` (`hop` steps from the platform) is a trusted proxy. */
export type TrustRule = (address: string, hop: number) => boolean;

/**
 * The rule of the proxies listed (addresses or CIDRs; `loopback`, `linklocal`, `uniquelocal`).
 * @throws {TypeError} for an entry that is neither.
 */
export function trustRule(proxies: readonly string[]): TrustRule {
  return proxyAddr.compile([...proxies]);
}

/** Fastify's `trustProxy` option for the listed proxies: none trusted when the list is empty. */
export function fastifyTrustProxy(proxies: readonly string[]): TrustRule | false {
  return proxies.length > 0 ? trustRule(proxies) : false;
}

/**
 * The client address of a connection from `peer` (its TCP address) sending `headers`: the
 * nearest X-Forwarded-For hop not vouched for by a trusted proxy, as Fastify's `request.ip`.
 */
export function clientAddress(peer: string, headers: IncomingHttpHeaders, rule: TrustRule): string {
  // proxy-addr reads only these two parts of a request.
  const request = { headers, socket: { remoteAddress: peer } } as unknown as IncomingMessage;
  const hops = proxyAddr.all(request, rule);
  return hops[hops.length - 1] ?? peer;
}
