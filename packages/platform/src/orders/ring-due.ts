import type { Clock } from '../clock';
import type { Store } from '../storage/store';
import type { AutoCallbacks } from './auto-callback';
import type { OrderFeed } from './order-feed';

/** Tasks one claim takes. */
const BATCH = 50;

/**
 * One pass of the due-task runner: claims every task due now (each in one process only: see
 * due-tasks.ts), rings its order on `/ops`, and records that the ring went out. A task claimed
 * by a process that died before ringing is claimed again once its claim is `leaseMs` old; its
 * order rings then (at least once: the console treats a repeated ring of an order as the same).
 * An order `dial` takes is called by the platform instead (auto-callback.ts): its task fires
 * when its attempts are over.
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
      if (order.status === 'ringing' && (await dial?.take(task, order))) continue;
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
