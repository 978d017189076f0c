/**
 * How the console's lists sort and filter callback orders (as `@frontdesk/config` declares them):
 * what needs someone now, what is scheduled for later (and may be taken early), what is closed.
 */
import type { CallbackOrder } from '@frontdesk/config';

/** What a list row shows of an order: also what the call history tells of a closed one. */
export type OrderSummary = Pick<
  CallbackOrder,
  'id' | 'widgetName' | 'phone' | 'name' | 'slot' | 'status' | 'operator' | 'createdAt'
>;

/** The order lists: to handle now, scheduled for later, done or failed. */
export type OrderFilter = 'open' | 'scheduled' | 'closed';

/** Whether the order waits for a slot still to come (it may be taken early). */
export function isScheduled(order: OrderSummary, now: number): boolean {
  return order.status === 'new' && order.slot !== null && order.slot > now;
}

/** Whether the order is done or failed. */
export function isClosed(order: OrderSummary): boolean {
  return order.status === 'done' || order.status === 'failed';
}

/** Whether `order` belongs under `filter` at `now`. */
export function matchesOrderFilter(order: OrderSummary, filter: OrderFilter, now: number): boolean {
  if (filter === 'closed') return isClosed(order);
  if (filter === 'scheduled') return isScheduled(order, now);
  return !isClosed(order) && !isScheduled(order, now);
}

const RANK = { ringing: 0, new: 1, accepted: 2, done: 3, failed: 3 } as const;

/**
 * A list as shown: open orders by urgency (ringing, new, accepted), newest first within each;
 * scheduled ones by their slot, soonest first; closed ones newest first.
 */
export function sortOrders<T extends OrderSummary>(orders: Iterable<T>, filter: OrderFilter): T[] {
  const list = [...orders];
  if (filter === 'scheduled') return list.sort((a, b) => (a.slot ?? 0) - (b.slot ?? 0));
  if (filter === 'closed') return list.sort((a, b) => b.createdAt - a.createdAt);
  return list.sort((a, b) => RANK[a.status] - RANK[b.status] || b.createdAt - a.createdAt);
}

/**
 * Whether the order waits for this operator: ringing them (`ringsMe`), or a manual one nobody
 * took that is due (what the navigation counts).
 */
export function waitsForMe(order: CallbackOrder, ringsMe: ReadonlySet<string>, now: number) {
  if (order.status === 'ringing') return ringsMe.has(order.id);
  return order.status === 'new' && order.mode === 'manual' && !isScheduled(order, now);
}
