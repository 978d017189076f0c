/**
 * A visitor's callback order as the platform answers it (`GET /v1/admin/orders/:id`, and under
 * `/ops`): times in epoch milliseconds.
 */
import type { Utm } from './utm';

/** Where an order stands: new → ringing (automatic mode) → accepted → done | failed. */
export type OrderStatus = 'new' | 'ringing' | 'accepted' | 'done' | 'failed';

/** Whom an automatic order rings: an employee, a group, every operator, or an outside number. */
export type OrderAddressee =
  | { kind: 'employee' | 'group'; id: string }
  | { kind: 'account' }
  | { kind: 'external'; number: string };

/** A visitor's callback order. */
export interface CallbackOrder {
  id: string;
  accountId: string;
  widgetId: string;
  /** The widget's name when the order came in: the call history's "dialled number". */
  widgetName: string;
  mode: 'automatic' | 'manual';
  /** E.164. */
  phone: string;
  name: string | null;
  /** The chosen slot's start; null for "call me now". */
  slot: number | null;
  /** The visitor ticked the personal-data consent box. */
  consent: boolean;
  page: { url: string | null; title: string | null; referrer: string | null; utm: Utm };
  /** The visitor's IANA zone, when the widget sent it. */
  visitorTimeZone: string | null;
  /** Automatic mode: who is rung (an external number is for an operator to connect). */
  addressee: OrderAddressee | null;
  /** Automatic mode: the caller id the visitor sees; null = the account's default. */
  outgoingNumber: string | null;
  status: OrderStatus;
  /** Who accepted it. */
  operator: { id: string; name: string } | null;
  note: string | null;
  createdAt: number;
  ringingAt: number | null;
  acceptedAt: number | null;
  doneAt: number | null;
  failedAt: number | null;
}

/** A state an order entered, when, and by whom (null: the platform). */
export interface OrderEvent {
  status: OrderStatus;
  at: number;
  userId: string | null;
  note: string | null;
}
