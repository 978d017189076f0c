import type { Clock } from '../clock';
import type { Store } from '../storage/store';
import type { OutboxChannel, SendOutcome } from './outbox-records';
import { SendError, type Transport } from './transport';

/** Attempts before a message is given up as failed: about five hours of retrying. */
export const MAX_ATTEMPTS = 12;

/** Messages one pass claims. */
const BATCH = 20;

/** The pause after failed attempt `attempts` (1, 2, …): 30 s, doubling, at most one hour. */
export function retryDelay(attempts: number): number {
  return Math.min(30_000 * 2 ** (attempts - 1), 3_600_000);
}

/**
 * One pass of the outbox dispatcher: claims the messages due now on the channels that have a
 * transport (the others stay pending until one is configured), order notifications and alerts
 * first, sends them, and records each outcome — sent, retried later with exponential backoff,
 * or failed for good (then the account's admins get an e-mail about it).
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
        outcome =
          failure.permanent || message.attempts >= MAX_ATTEMPTS
            ? { status: 'failed', error: failure.message, at: clock().getTime() }
            : {
                status: 'pending',
                error: failure.message,
                retryAt: clock().getTime() + retryDelay(message.attempts),
              };
      }
      // Settled as this claim (its attempt): if the lease ran out and another pass took the
      // message meanwhile, this outcome is stale and changes nothing.
      await store.outbox.settle(message, claim.by, outcome);
    }),
  );
  return messages.length;
}
