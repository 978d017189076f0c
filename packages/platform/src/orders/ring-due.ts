import type { Clock } from '../clock';
import type { Store } from '../storage/store';
import type { AutoCallbacks } from './auto-callback';
import type { OrderFeed } from './order-feed';

/** Tasks one claim takes. */
const BATCH = 50;

/** How soon an order that waits for the SIP edge is offered again. */
export const EDGE_RETRY_MS = 5_000;

/**
 * One pass of the due-task runner: claims every task due now (each in one process only: see
 * due-tasks-store.ts), rings its order on `/ops`, and records that the ring went out. A task claimed
 * by a process that died before ringing is claimed again once its claim is `leaseMs` old; its
 * order rings then (at least once: the console treats a repeated ring of an order as the same).
 * An order `dial` takes is called by the platform instead (auto-callback.ts): its task fires
 * when its attempts are over; one that waits for the SIP edge to come up is offered again.
 * @returns how many tasks it handled.
 */
export async function ringDue(
  store: Store,
  clock: Clock,
  feed: OrderFeed,
  claim: { by: string; leaseMs: number },
  dial?: AutoCallbacks,
): Promise<number> {
  let handled = 0;
  for (;;) {
    const now = clock().getTime();
    const claimed = await store.dueTasks.claim({
      now,
      by: claim.by,
      staleBefore: now - claim.leaseMs,
      limit: BATCH,
    });
    for (const { task, order } of claimed) {
      // An order someone took meanwhile rings nobody.
      const taken = order.status === 'ringing' ? await dial?.take(task, order) : undefined;
      if (taken === 'calling') continue;
      if (taken === 'later') {
        // The claim lapses in EDGE_RETRY_MS (renewed as of then minus the lease): then it is
        // claimed again like one whose claimer died, by whichever process comes first.
        await store.dueTasks.renew(task.id, claim.by, now + EDGE_RETRY_MS - claim.leaseMs);
        continue;
      }
      if (order.status === 'ringing') {
        feed.ringing(order);
        feed.updated(order);
      }
      await store.dueTasks.markFired(task.id, clock().getTime());
    }
    handled += claimed.length;
    if (claimed.length < BATCH) return handled;
  }
}
