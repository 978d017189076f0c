/**
 * Loads one page of a customer's site for the Studio's "test on my site" check. The platform
 * makes this request at a signed-in marketer's word, to an address the marketer typed: it is a
 * server-side request forgery surface, fenced so:
 *
 * - http and https only, GET only, no credentials in the URL, no cookies, none of the
 *   platform's own credentials;
 * - every address the host resolves to, and an IP literal, must be public unicast (ipaddr.js's
 *   `unicast` range): loopback, private, link-local (cloud metadata at 169.254.169.254), CGNAT,
 *   unique-local, multicast, reserved, and IPv4 mapped into IPv6 the same, are refused — unless
 *   the platform runs with SITE_CHECK_PRIVATE=1 (the demo and tests, whose sites are on loopback);
 * - the check runs in the socket's own lookup, so the address connected to is the address
 *   checked (no DNS rebinding in between), again on every redirect (at most five);
 * - ten seconds for everything, and the first megabyte of the body;
 * - the caller answers with what it found (is the snippet there), never the page itself, so the
 *   check cannot be used to read what a refused address would have said.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/** How long loading a page may take, redirects included. */
export const PAGE_TIMEOUT_MS = 10_000;
/** How much of a page is read; a snippet further down is not found. */
export const MAX_PAGE_BYTES = 1024 * 1024;
/** How many redirects are followed. */
export const MAX_REDIRECTS = 5;

/** Why a page could not be loaded, with a stable code. */
export class PageFetchError extends Error {
  readonly code: 'private_address' | 'not_http' | 'unreachable';
  constructor(code: PageFetchError['code'], message: string) {
    super(message);
    this.name = 'PageFetchError';
    this.code = code;
  }
}

/** A page as loaded: where it was in the end, its status, and the start of its text. */
export interface FetchedPage {
  /** The page's URL after redirects. */
  url: URL;
  status: number;
  /** At most {@link MAX_PAGE_BYTES} of the body, as UTF-8. */
  body: string;
  /** The body was longer than what was read. */
  truncated: boolean;
}

/** Options of {@link fetchPage}. */
export interface PageFetchOptions {
  /** Loopback and private addresses may be loaded (SITE_CHECK_PRIVATE=1). */
  allowPrivate: boolean;
  userAgent: string;
  /** {@link PAGE_TIMEOUT_MS} unless a test says otherwise. */
  timeoutMs?: number;
}

/** Whether `address` (IPv4 or IPv6) is a public unicast address. */
export function isPublicAddress(address: string): boolean {
  return ipaddr.isValid(address) && ipaddr.process(address).range() === 'unicast';
}

const privateAddress = (host: string) =>
  new PageFetchError(
    'private_address',
    `${host} is on a private network or this machine: only public sites can be checked.`,
  );

/** A socket lookup that refuses a host when any of its addresses is not public. */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      if (!allowPrivate && addresses.some((a) => !isPublicAddress(a.address))) {
        return callback(privateAddress(hostname), '', 0);
      }
      if (options.all) return callback(null, addresses);
      const [first] = addresses;
      return first
        ? callback(null, first.address, first.family)
        : callback(privateAddress(hostname), '', 0);
    });
  };
}

/** Refuses what must not be requested at all; an IP literal is judged here (it skips lookups). */
function checkTarget(url: URL, allowPrivate: boolean): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new PageFetchError('not_http', `${url.href} is not an http or https address.`);
  }
  if (url.username || url.password) {
    throw new PageFetchError('not_http', 'Give the address without a user name or password.');
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!allowPrivate && isIP(host) && !isPublicAddress(host)) throw privateAddress(url.hostname);
}

/** The words for a failed connection or read. */
function unreachable(url: URL, error: unknown, signal: AbortSignal, ms: number): PageFetchError {
  if (error instanceof PageFetchError) return error;
  const code = (error as { code?: string }).code;
  const message = signal.aborted
    ? `${url.host} did not answer within ${ms / 1000} seconds.`
    : code === 'ENOTFOUND'
      ? `${url.hostname} was not found: is the address right?`
      : code === 'ECONNREFUSED'
        ? `${url.host} refused the connection.`
        : `${url.host} could not be reached (${code ?? (error as Error).message}).`;
  return new PageFetchError('unreachable', message);
}

function get(
  url: URL,
  lookup: LookupFunction,
  signal: AbortSignal,
  userAgent: string,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(
      url,
      {
        method: 'GET',
        // A fresh connection each time: every one goes through the lookup's check.
        agent: false,
        lookup,
        signal,
        headers: {
          'user-agent': userAgent,
          accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1',
          // The body is searched as text: no compression to undo.
          'accept-encoding': 'identity',
        },
      },
      resolve,
    );
    request.on('error', reject);
    request.end();
  });
}

/** The body up to `max` bytes; the rest is not read. */
async function readCapped(
  response: IncomingMessage,
  max: number,
): Promise<{ body: string; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    size += chunk.length;
    // Leaving the loop destroys the response: nothing more comes over the wire.
    if (size > max) break;
  }
  return { body: Buffer.concat(chunks).subarray(0, max).toString('utf8'), truncated: size > max };
}

/**
 * GETs `start`, following redirects, within the fences above.
 * @throws {PageFetchError} `private_address`, `not_http` or `unreachable`.
 */
export async function fetchPage(start: URL, options: PageFetchOptions): Promise<FetchedPage> {
  const ms = options.timeoutMs ?? PAGE_TIMEOUT_MS;
  const signal = AbortSignal.timeout(ms);
  const lookup = guardedLookup(options.allowPrivate);
  let url = start;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    checkTarget(url, options.allowPrivate);
    try {
      const response = await get(url, lookup, signal, options.userAgent);
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (status >= 300 && status < 400 && location) {
        response.destroy();
        url = new URL(location, url);
        continue;
      }
      return { url, status, ...(await readCapped(response, MAX_PAGE_BYTES)) };
    } catch (error) {
      throw unreachable(url, error, signal, ms);
    }
  }
  throw new PageFetchError(
    'unreachable',
    `${start.href} redirects more than ${MAX_REDIRECTS} times.`,
  );
}
