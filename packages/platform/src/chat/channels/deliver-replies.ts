import type { Messenger } from '@frontdesk/config';
import type { Clock } from '../../clock';
import type { Store } from '../../storage/store';
import type { AttemptResult, ChannelAdapter } from './channel-adapter';
import type { DeliveryFeed } from './channel-feed';
import type { Delivery, DeliveryOutcome, FailedOutcome, RetryOutcome } from './channel-types';
import { claimRounds } from './claim-rounds';

/** Failed attempts (rate limits not counted) before a reply is given up as failed. */
export const MAX_DELIVERY_ATTEMPTS = 10;

/** However the messenger paces us, a reply not delivered in a day fails. */
export const DELIVERY_DEADLINE_MS = 24 * 60 * 60 * 1000;

/** Replies one claim takes. */
const BATCH = 50;

/** Claims in one pass: each round sends the next reply of each peer whose last one went out. */
const ROUNDS = 20;

/** The pause after failed attempt `attempts` (1, 2, …): 5 s, doubling, at most 5 minutes. */
export function deliveryRetryDelay(attempts: number): number {
  return Math.min(5_000 * 2 ** (attempts - 1), 300_000);
}

/**
 * One pass of the replies' outbox: claims the replies due now of every messenger with an adapter,
 * sends each, and records the outcome — sent; tried again after the messenger's `retry_after`
 * or with back-off on the platform's clock; or failed with the reason, which the operators hear
 * (`chat:delivery`). Nothing is retried forever: {@link MAX_DELIVERY_ATTEMPTS} failures, or
 * {@link DELIVERY_DEADLINE_MS} of waiting, fail it.
 *
 * A crash after the messenger accepted a reply and before `sent` is recorded sends it again once
 * the claim's lease runs out: at least once, at most once more.
 * @returns how many attempts it made.
 */
export async function deliverReplies(input: {
  store: Store;
  clock: Clock;
  adapters: Partial<Record<Messenger, ChannelAdapter>>;
  claim: { by: string; leaseMs: number };
  told: DeliveryFeed;
}): Promise<number> {
  const { store, clock, adapters, claim } = input;
  const messengers = (Object.keys(adapters) as Messenger[]).filter((m) => adapters[m]);
  return claimRounds({
    clock,
    claim,
    rounds: ROUNDS,
    limit: BATCH,
    take: (window) => store.channels.deliveries.claim({ messengers, ...window }),
    async handle(delivery) {
      const outcome = await attempt(delivery, adapters[delivery.messenger], clock);
      if (await store.channels.deliveries.settle(delivery.messageId, claim.by, outcome)) {
        await input.told(delivery, outcome);
      }
    },
  });
}

async function attempt(
  delivery: Delivery,
  adapter: ChannelAdapter | undefined,
  clock: Clock,
): Promise<DeliveryOutcome> {
  const result: AttemptResult = adapter
    ? await adapter.send(delivery).catch((error: unknown) => ({
        status: 'retry' as const,
        error: error instanceof Error ? error.message : String(error),
      }))
    : { status: 'failed', error: `No ${delivery.messenger} channel to send through.` };
  const now = clock().getTime();
  if (result.status === 'sent') return { status: 'sent', externalId: result.externalId, at: now };
  if (result.status === 'failed') return { status: 'failed', error: result.error, at: now };
  return retryOrGiveUp(delivery, result, now, 'delivered');
}

/**
 * What a failed attempt of a retried job (a reply, a customer's file) comes to: given up once
 * it waited {@link DELIVERY_DEADLINE_MS}, or after {@link MAX_DELIVERY_ATTEMPTS} failures (a wait
 * the API asked for, `retryAfterMs`, is its pace, not a failure); else tried again after that
 * wait or with back-off. `what` says what it was not: "delivered", "fetched".
 */
export function retryOrGiveUp(
  job: { createdAt: number; attempts: number },
  result: { error: string; retryAfterMs?: number },
  now: number,
  what: string,
): RetryOutcome | FailedOutcome {
  const rateLimited = result.retryAfterMs !== undefined;
  if (now - job.createdAt >= DELIVERY_DEADLINE_MS) {
    return { status: 'failed', error: `Not ${what} within a day: ${result.error}`, at: now };
  }
  if (!rateLimited && job.attempts >= MAX_DELIVERY_ATTEMPTS) {
    return {
      status: 'failed',
      error: `Not ${what} after ${job.attempts} attempts: ${result.error}`,
      at: now,
    };
  }
  return {
    status: 'retry',
    error: result.error,
    retryAt: now + (result.retryAfterMs ?? deliveryRetryDelay(job.attempts)),
    rateLimited,
  };
}
