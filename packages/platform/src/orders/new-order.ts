import type { TextLocale } from '@frontdesk/config';
import type { Widget } from '../widgets';
import type { CallbackMode, OrderRouting } from './callback-mode';
import { orderNotifications } from './order-notifications';
import type { OrderAddressee, PlaceOrder } from './order-records';

/** What a visitor's order says, checked by the endpoint. */
export interface OrderRequest {
  /** E.164. */
  phone: string;
  /** The slot's start; null for "call me now". */
  slot: number | null;
  name: string | null;
  consent: boolean;
  page: PlaceOrder['order']['page'];
  visitorTimeZone: string | null;
}

/**
 * Everything stored with a new order of `widget`: the notifications its routing asks for (in
 * `language`, the account's), in automatic mode its addressee and outgoing number as the
 * settings say now, and when it rings (at once for "now", else at the slot's start).
 */
export function newOrder(
  widget: Widget,
  { mode, notify }: OrderRouting,
  request: OrderRequest,
  key: { idempotencyKey: string; requestHash: string },
  now: number,
  language: TextLocale,
): PlaceOrder {
  const order: PlaceOrder['order'] = {
    accountId: widget.accountId,
    widgetId: widget.id,
    widgetName: widget.name,
    mode: mode.kind,
    ...request,
    addressee: mode.kind === 'automatic' ? addresseeOf(mode.addressee) : null,
    outgoingNumber: mode.kind === 'automatic' ? mode.outgoingNumber : null,
    createdAt: now,
  };
  return {
    order,
    ...key,
    notifications: orderNotifications(order, notify, widget.settings.schedule.timeZone, language),
    dueAt: mode.kind === 'automatic' ? (request.slot ?? now) : null,
  };
}

type Addressee = Extract<CallbackMode, { kind: 'automatic' }>['addressee'];

/** Settings' addressee → the order's; none chosen means every operator of the account. */
function addresseeOf(addressee: Addressee): OrderAddressee {
  if (addressee === null) return { kind: 'account' };
  if (addressee.kind === 'external') return { kind: 'external', number: addressee.number };
  return { kind: addressee.kind, id: addressee.id };
}
