/**
 * Downloads a messenger's file with a cap: a declared `Content-Length` past it fails before
 * anything is read, and the body is counted as it streams, so a server that lies stops at the
 * cap. The messenger's answers become outcomes: no answer, a timeout, a 5xx or a 429 are tried
 * again (429 after its `Retry-After`); a 4xx is final (the file is gone). Only addresses the
 * caller allows are fetched, redirects included (never followed blindly: a file named by an
 * event must not reach into the platform's network). Failures are told without the URL
 * (Telegram's carries the bot's token).
 */
import { retryAfterWait } from '../../../retry-after';
import { fetchFailure } from '../api-failure';
import type { AttachmentFetcher, FetchResult } from './attachment-types';
import { tooLarge } from './content-check';
import { mediaAllowed, type UrlMessenger } from './media-hosts';

/** How long one download may take, start to end. */
export const DOWNLOAD_TIMEOUT_MS = 60_000;

/** Redirects followed (a CDN may send a file on to another of its hosts), each one checked. */
const MAX_REDIRECTS = 3;

/** What {@link downloadCapped} needs besides the URL. */
export interface DownloadOptions {
  /** The messenger, in errors. */
  what: string;
  maxBytes: number;
  /** Whether a file may come from this URL: the first one and every redirect's (media-hosts.ts). */
  allowed: (url: URL) => boolean;
  /** The time now (ms), for a rate limit's `Retry-After` that names a date. */
  now: number;
  timeoutMs?: number;
}

/** Fetches `url` (`what` names the messenger in errors), at most `maxBytes`. */
export async function downloadCapped(url: string, options: DownloadOptions): Promise<FetchResult> {
  const { what, maxBytes } = options;
  const signal = AbortSignal.timeout(options.timeoutMs ?? DOWNLOAD_TIMEOUT_MS);
  const refused = {
    status: 'failed',
    error: `${what} named a file address the platform does not fetch from.`,
  } as const;
  let response: Response;
  let target = URL.canParse(url) ? new URL(url) : undefined;
  for (let hop = 0; ; hop++) {
    if (!target || hop > MAX_REDIRECTS || !options.allowed(target)) return refused;
    try {
      response = await fetch(target, { signal, redirect: 'manual' });
    } catch (error) {
      return { status: 'retry', error: `${what} did not give the file: ${fetchFailure(error)}` };
    }
    const location = response.headers.get('location');
    if (response.status < 300 || response.status > 399 || location === null) break;
    await response.body?.cancel().catch(() => undefined);
    target = URL.canParse(location, target.href) ? new URL(location, target) : undefined;
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    if (response.status === 429) {
      return {
        status: 'retry',
        error: `${what} asked to wait before giving the file (HTTP 429).`,
        retryAfterMs: retryAfterWait(response.headers.get('retry-after'), options.now),
      };
    }
    if (response.status >= 500) {
      return { status: 'retry', error: `${what} did not give the file (HTTP ${response.status}).` };
    }
    return {
      status: 'failed',
      error: `${what} no longer gives this file (HTTP ${response.status}).`,
    };
  }
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return { status: 'failed', error: tooLarge(maxBytes) };
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  try {
    for (let read = await reader?.read(); read && !read.done; read = await reader?.read()) {
      size += read.value.byteLength;
      if (size > maxBytes) {
        await reader?.cancel().catch(() => undefined);
        return { status: 'failed', error: tooLarge(maxBytes) };
      }
      chunks.push(read.value);
    }
  } catch (error) {
    return { status: 'retry', error: `${what} broke off the file: ${fetchFailure(error)}` };
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { status: 'fetched', bytes };
}

/**
 * The fetcher of a messenger whose attachments are URLs (Viber's media, VK's and Facebook's
 * CDNs): only from its media hosts or its configured API base's origin (media-hosts.ts).
 */
export function urlFetcher(
  what: string,
  messenger: UrlMessenger,
  apiBase: string,
): AttachmentFetcher {
  return ({ attachment, maxBytes, now }) =>
    downloadCapped(attachment.source, {
      what,
      maxBytes,
      now,
      allowed: (url) => mediaAllowed(messenger, url, apiBase),
    });
}
