/**
 * The wait a rate-limited answer (HTTP 429) asks for, read one way for every outside API the
 * platform calls over plain HTTP: the outbox's SMS provider and the messengers' file downloads.
 */

/** How long to wait after a rate limit that named no time to wait, or one already past. */
export const RATE_LIMIT_WAIT_MS = 30_000;

/** The longest wait a rate limit gets, however long the server asks for. */
export const LONGEST_RATE_LIMIT_WAIT_MS = 3_600_000;

/**
 * The pause `Retry-After` asks for at `now` (seconds or an HTTP date; null when the answer named
 * none): at most an hour.
 */
export function retryAfterWait(retryAfter: string | null, now: number): number {
  const value = retryAfter?.trim() ?? '';
  // Digits before a date: Date.parse reads a bare number as a year.
  const ms = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now;
  return ms > 0 ? Math.min(ms, LONGEST_RATE_LIMIT_WAIT_MS) : RATE_LIMIT_WAIT_MS;
}
