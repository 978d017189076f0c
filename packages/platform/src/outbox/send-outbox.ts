import type { Clock } from '../clock';
import { retryAfterWait } from '../retry-after';
import type { Store } from '../storage/store';
import type { OutboxChannel, SendOutcome } from './outbox-records';
import { SendError, type Transport } from './transport';

/**
 * The failed attempt (about five hours of retrying) from which a message is overdue: its
 * account's admins are told once (by the first such attempt that settles). It is not given up: it
 * is tried every hour from then on, until it goes.
 */
export const OVERDUE_ATTEMPTS = 12;

/** Messages one pass claims. */
const BATCH = 20;

/** The longest pause of the backoff between two attempts (a rate limit's is capped alike). */
const LONGEST_DELAY_MS = 3_600_000;

/** The pause after failed attempt `attempts` (1, 2, …): 30 s, doubling, at most one hour. */
export function retryDelay(attempts: number): number {
  return Math.min(30_000 * 2 ** (attempts - 1), LONGEST_DELAY_MS);
}

/**
 * One pass of the outbox dispatcher: claims the messages due now on the channels that have a
 * transport (the others stay pending until one is configured), order notifications and alerts
 * first, sends them, and records each outcome: sent; failed for good when the provider refused
 * this very message (its recipient or text); else tried again — after the provider's own wait
 * when it rate-limited (not counted as an attempt), or with exponential backoff, hourly and never
 * given up past {@link OVERDUE_ATTEMPTS}. The account's admins get an e-mail about a message
 * failed, or overdue, once.
 *
 * Nothing is sent twice except in one window no outbox can close: a crash after the provider
 * accepted a message and before `sent` is recorded. The claim then expires after `leaseMs` and
 * the message goes out again (at-least-once); e-mails keep their Message-ID and SMS their
 * Idempotency-Key, so receivers can drop the copy.
 * @returns how many messages it handled.
 */
export async function sendOutbox(
  store: Store,
  clock: Clock,
  transports: Partial<Record<OutboxChannel, Transport>>,
  claim: { by: string; leaseMs: number },
): Promise<number> {
  const channels = (Object.keys(transports) as OutboxChannel[]).filter((c) => transports[c]);
  const now = clock().getTime();
  const messages = await store.outbox.claim({
    channels,
    now,
    by: claim.by,
    staleBefore: now - claim.leaseMs,
    limit: BATCH,
  });
  await Promise.all(
    messages.map(async (message) => {
      let outcome: SendOutcome;
      try {
        const transport = transports[message.channel];
        if (!transport) throw new SendError(`no ${message.channel} transport`, false);
        await transport.send(message);
        outcome = { status: 'sent', at: clock().getTime() };
      } catch (error) {
        const failure = error instanceof SendError ? error : new SendError(String(error), false);
        outcome = failed(failure, message.attempts, clock().getTime());
      }
      // Settled as this claim (its attempt): if the lease ran out and another pass took the
      // message meanwhile, this outcome is stale and changes nothing.
      await store.outbox.settle(message, claim.by, outcome);
    }),
  );
  return messages.length;
}

/** What a failed attempt `attempts` comes to at `now`. */
function failed(failure: SendError, attempts: number, now: number): SendOutcome {
  const error = failure.message;
  if (failure.permanent) return { status: 'failed', error, at: now };
  if (failure.retryAfter !== undefined) {
    const retryAt = now + retryAfterWait(failure.retryAfter, now);
    return { status: 'pending', error, retryAt, rateLimited: true };
  }
  const retryAt = now + retryDelay(attempts);
  if (attempts < OVERDUE_ATTEMPTS) return { status: 'pending', error, retryAt };
  return { status: 'pending', error, retryAt, overdueAt: now };
}
