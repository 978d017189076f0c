/** `GET /v1/admin/orders/:id`: one callback order with its story. */
import type { CallbackOrder, OrderEvent } from './callback-order';
import type { OutboxMessage } from './outbox-message';

/** When an automatic order rings, which platform process claimed that moment, and when it rang. */
export interface OrderDueTask {
  id: string;
  orderId: string;
  dueAt: number;
  claimedBy: string | null;
  claimedAt: number | null;
  firedAt: number | null;
}

/** An order with the states it went through, its due task and its notifications to staff. */
export interface OrderDetail {
  order: CallbackOrder;
  events: OrderEvent[];
  /** Automatic mode: when it rang; null in manual mode. */
  task: OrderDueTask | null;
  /** Manual mode: the e-mails and SMS to staff. */
  notifications: OutboxMessage[];
}
