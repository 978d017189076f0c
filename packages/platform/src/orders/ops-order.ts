/** Orders as the `/ops` events carry them to the operator console (see OPS-EVENTS.md). */
import type { Order } from './order-records';
import { localTime } from './visitor-time';

/**
 * An order on `/ops`: the order as the admin API shows it (times in epoch milliseconds), plus
 * what an operator needs at a glance — whom to connect for an external addressee, and the
 * visitor's wall clock when their zone is known.
 */
export interface OpsOrder extends Order {
  /** An external addressee: the number to connect the visitor with, and the caller id to show. */
  connect: { number: string; outgoingNumber: string | null } | null;
  /** The visitor's zone and local time (ISO 8601 with offset) at the time of the event. */
  visitor: { timeZone: string; localTime: string } | null;
}

/** `order` for `/ops`, its visitor's local time read at `now`. */
export function opsOrder(order: Order, now: number): OpsOrder {
  const { addressee, visitorTimeZone } = order;
  return {
    ...order,
    connect:
      addressee?.kind === 'external'
        ? { number: addressee.number, outgoingNumber: order.outgoingNumber }
        : null,
    visitor: visitorTimeZone
      ? { timeZone: visitorTimeZone, localTime: localTime(visitorTimeZone, now) }
      : null,
  };
}

/**
 * The `/ops` room an automatic order rings: its employee, its group, or the whole account (no
 * addressee chosen, or an external number someone has to connect).
 */
export function ringRoom(order: Order): string {
  const { addressee } = order;
  if (addressee?.kind === 'employee') return `user:${addressee.id}`;
  if (addressee?.kind === 'group') return `group:${addressee.id}`;
  return `account:${order.accountId}`;
}
