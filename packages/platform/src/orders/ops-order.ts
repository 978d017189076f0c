/** Orders as the `/ops` events carry them to the operator console (see OPS-EVENTS.md). */
import type { OpsOrder } from '@frontdesk/config';
import type { Order } from './order-records';
import { localTime } from './visitor-time';

/** `order` for `/ops` (`OpsOrder` of @frontdesk/config), its visitor's local time read at `now`. */
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
