/** The callback orders feature's records and repositories. */
import type { NewOutboxMessage } from '../outbox/outbox-records';

/** Where an order stands: new → ringing (automatic mode, delivered to operators) → accepted → done | failed. */
export type OrderStatus = 'new' | 'ringing' | 'accepted' | 'done' | 'failed';

/** Who an automatic order rings: an employee, a group, every operator of the account, or an outside number. */
export type OrderAddressee =
  | { kind: 'employee' | 'group'; id: string }
  | { kind: 'account' }
  | { kind: 'external'; number: string };

/** The `utm_*` tags of the page an order came from; absent tags are left out. */
export interface Utm {
  source?: string;
  medium?: string;
  campaign?: string;
  term?: string;
  content?: string;
}

/** A visitor's callback order. */
export interface Order {
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
  /** Automatic mode: who is rung (copied from the settings at order time); null in manual mode. */
  addressee: OrderAddressee | null;
  /** Automatic mode: the number the visitor sees; null = the account's default. */
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

/** What {@link Store.orders.place} stores. */
export interface PlaceOrder {
  order: Omit<
    Order,
    'id' | 'status' | 'operator' | 'note' | 'ringingAt' | 'acceptedAt' | 'doneAt' | 'failedAt'
  >;
  idempotencyKey: string;
  /** A digest of the request: the same key with another request is a conflict. */
  requestHash: string;
  /** Manual mode: the e-mails and SMS to send, queued in the outbox. */
  notifications: NewOutboxMessage[];
  /** Automatic mode: when the order rings (now, or the slot's start); null in manual mode. */
  dueAt: number | null;
}

/** How {@link Store.orders.place} went: stored now, stored before under the same key, or refused. */
export type PlacedOrder =
  | { outcome: 'created' | 'replayed'; order: Order }
  | { outcome: 'conflict' };

/** A state change of {@link Store.orders.transition}. */
export interface OrderTransition {
  /** The states the order may be in; it changes only if it still is (the first caller wins). */
  from: readonly OrderStatus[];
  to: 'accepted' | 'done' | 'failed';
  by: { id: string; name: string };
  /** Only if this user accepted the order. */
  acceptedBy?: string;
  note?: string | null;
  now: number;
}

/** When an automatic order rings, who claimed that moment, and when the ring went out. */
export interface DueTask {
  id: string;
  orderId: string;
  dueAt: number;
  claimedBy: string | null;
  claimedAt: number | null;
  firedAt: number | null;
}

/** The callback orders (`store.orders`). */
export interface OrdersRepository {
  /**
   * Stores an order under its idempotency key, with its outbox messages or its due task, in one
   * transaction. A key used before returns that order: `replayed` for the same request hash,
   * `conflict` for another.
   */
  place(input: PlaceOrder): Promise<PlacedOrder>;
  /** The order a widget's idempotency key made, with the hash of the request that made it. */
  byIdempotencyKey(
    widgetId: string,
    key: string,
  ): Promise<{ order: Order; requestHash: string } | undefined>;
  get(id: string): Promise<Order | undefined>;
  /** The states the order went through, in order. */
  events(id: string): Promise<OrderEvent[]>;
  /** The account's orders still open (new, ringing, accepted), newest first. */
  open(accountId: string, limit: number): Promise<Order[]>;
  /** Moves an order to `to` if it is in one of `from`; undefined when it was not (or is missing). */
  transition(id: string, change: OrderTransition): Promise<Order | undefined>;
}

/** The orders' due rings (`store.dueTasks`). */
export interface DueTasksRepository {
  /**
   * Claims the tasks due at `now` that nobody claimed, turning their orders from new to
   * ringing, and the tasks claimed before `staleBefore` that never fired (their claimer died
   * before delivering) — in one transaction, so each claim happens in one process only.
   */
  claim(input: {
    now: number;
    by: string;
    staleBefore: number;
    limit: number;
  }): Promise<{ task: DueTask; order: Order }[]>;
  /** Records that the ring went out. */
  markFired(id: string, now: number): Promise<void>;
  forOrder(orderId: string): Promise<DueTask | undefined>;
}
