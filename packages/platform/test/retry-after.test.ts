/** The wait a rate-limited answer asks for, as the outbox and the file downloads read it. */
import { describe, expect, it } from 'vitest';
import { RATE_LIMIT_WAIT_MS, retryAfterWait } from '../src/retry-after';

describe('the wait a rate limit asks for', () => {
  const now = Date.parse('2026-03-04T07:00:00Z');

  it('is its Retry-After in seconds or until its HTTP date, at most an hour', () => {
    expect(retryAfterWait('7', now)).toBe(7_000);
    expect(retryAfterWait(' 120 ', now)).toBe(120_000);
    expect(retryAfterWait(new Date(now + 600_000).toUTCString(), now)).toBe(600_000);
    expect(retryAfterWait('86400', now)).toBe(3_600_000);
    expect(retryAfterWait(new Date(now + 86_400_000).toUTCString(), now)).toBe(3_600_000);
  });

  it('is the usual wait when it names none, nonsense, or a time already past', () => {
    for (const header of [null, '', 'soon', '0', new Date(now - 60_000).toUTCString()]) {
      expect(retryAfterWait(header, now)).toBe(RATE_LIMIT_WAIT_MS);
    }
  });
});
