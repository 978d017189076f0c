/**
 * A poller's long poll always ends well inside its lease (CHANNEL_LEASE_MS): under half of it,
 * and never over Telegram's 25 s, so a holder renews before another process could take over.
 */
import { describe, expect, it } from 'vitest';
import { leaseTuning } from '../../../src/chat/channels/channels-runner';

describe('leaseTuning', () => {
  it('keeps the long poll under half the lease, between 1 s and 25 s', () => {
    expect(leaseTuning(60_000)).toEqual({ leaseMs: 60_000, pollTimeoutSeconds: 25 });
    for (const leaseMs of [3_000, 10_000, 30_000, 59_000, 60_000, 600_000]) {
      const { pollTimeoutSeconds } = leaseTuning(leaseMs);
      expect(pollTimeoutSeconds * 1000, `${leaseMs}`).toBeLessThan(leaseMs / 2);
      expect(pollTimeoutSeconds).toBeGreaterThanOrEqual(1);
      expect(pollTimeoutSeconds).toBeLessThanOrEqual(25);
    }
  });
});
