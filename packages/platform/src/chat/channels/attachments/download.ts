/**
 * Downloads a messenger's file with a cap: a declared `Content-Length` past it fails before
 * anything is read, and the body is counted as it streams, so a server that lies stops at the
 * cap. The messenger's answers become outcomes: no answer, a timeout, a 5xx or a 429 are tried
 * again (429 after its `Retry-After`); a 4xx is final (the file is gone). Failures are told
 * without the URL (Telegram's carries the bot's token).
 */
import { fetchFailure } from '../api-failure';
import type { FetchResult } from './attachment-types';
import { tooLarge } from './content-check';

/** How long one download may take, start to end. */
export const DOWNLOAD_TIMEOUT_MS = 60_000;

/** Fetches `url` (`what` names the messenger in errors), at most `maxBytes`. */
export async function downloadCapped(
  url: string,
  options: { what: string; maxBytes: number; timeoutMs?: number },
): Promise<FetchResult> {
  const { what, maxBytes } = options;
  const signal = AbortSignal.timeout(options.timeoutMs ?? DOWNLOAD_TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch(url, { signal, redirect: 'follow' });
  } catch (error) {
    return { status: 'retry', error: `${what} did not give the file: ${fetchFailure(error)}` };
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    if (response.status === 429) {
      const seconds = Number(response.headers.get('retry-after'));
      return {
        status: 'retry',
        error: `${what} asked to wait before giving the file (HTTP 429).`,
        ...(Number.isFinite(seconds) && seconds > 0 ? { retryAfterMs: seconds * 1000 } : {}),
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

/** The fetcher of a messenger whose attachments are URLs (Viber's media, VK's and Facebook's CDNs). */
export function urlFetcher(what: string) {
  return ({ attachment, maxBytes }: { attachment: { source: string }; maxBytes: number }) =>
    downloadCapped(attachment.source, { what, maxBytes });
}
