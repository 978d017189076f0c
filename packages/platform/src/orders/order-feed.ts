import type { OrderTaken } from '@frontdesk/config';
import type { Namespace, Socket } from 'socket.io';
import type { Clock } from '../clock';
import { opsOrder, ringRoom } from './ops-order';
import type { Order } from './order-records';

/** Tells the operator consoles on `/ops` what happened to orders (events in OPS-EVENTS.md). */
export interface OrderFeed {
  /** `callback:ringing` to the operators the order rings (or to one socket that just connected). */
  ringing(order: Order, to?: Socket): void;
  /** `callback:updated` to every console of the order's account. */
  updated(order: Order): void;
  /** `callback:taken` to the operators the order rang: someone accepted it. */
  taken(order: Order): void;
}

/** The feed over the `/ops` namespace. */
export function orderFeed(ops: Namespace, clock: Clock): OrderFeed {
  return {
    ringing(order, to) {
      (to ?? ops.to(ringRoom(order))).emit('callback:ringing', opsOrder(order, clock().getTime()));
    },
    updated(order) {
      ops
        .to(`account:${order.accountId}`)
        .emit('callback:updated', opsOrder(order, clock().getTime()));
    },
    taken(order) {
      ops
        .to(ringRoom(order))
        .emit('callback:taken', { id: order.id, by: order.operator } satisfies OrderTaken);
    },
  };
}
