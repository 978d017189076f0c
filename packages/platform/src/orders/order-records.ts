/** The callback orders feature's records and repositories. */
import type { CallbackOrder, OrderDueTask, OrderEvent, OrderStatus } from '@frontdesk/config';
import type { NewOutboxMessage } from '../outbox';

export type { OrderAddressee, OrderEvent, OrderStatus, Utm } from '@frontdesk/config';

/** A visitor's callback order: the record is what the admin API and the console show. */
export type Order = CallbackOrder;

/** An automatic order's ring, due at its time (one per order). */
export type DueTask = OrderDueTask;

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

/** How one automatic callback attempt went (the edge controller's outcome, store-side). */
export type AttemptOutcome = {
  result: 'answered' | 'addressee_unanswered' | 'visitor_busy' | 'visitor_no_answer' | 'failed';
  sipCode?: number | null;
  answeredAt?: number;
  endedAt?: number;
  /** How long they talked (the edge's measure). */
  talkMs?: number;
};

/** What {@link OrdersRepository.recordAttempt} stores. */
export interface CallbackAttempt {
  orderId: string;
  taskId: string;
  /** The claim the attempt was made under: only it moves the order and its task. */
  claimedBy: string;
  trunkId: string;
  /** The employee whose phone was the addressee: who talked, when answered. */
  operator: { id: string; name: string } | null;
  outcome: AttemptOutcome;
  startedAt: number;
  now: number;
  /** The widget's policy: how many attempts, how far apart. */
  maxAttempts: number;
  retryAfterMs: number;
  /** After the last unanswered attempt: the e-mails and SMS that tell staff. */
  fallback: NewOutboxMessage[];
}

/** What became of an order after an attempt (`none`: it was no longer this claim's to move). */
export interface RecordedAttempt {
  next: 'done' | 'retry' | 'fallback' | 'none';
  attempt: number;
  order: Order;
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
  /** Records an automatic callback's attempt: its call, its event, and what comes next. */
  recordAttempt(attempt: CallbackAttempt): Promise<RecordedAttempt>;
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
  /** Keeps `by`'s claim fresh while its attempt is on the line (no takeover after the lease). */
  renew(id: string, by: string, now: number): Promise<void>;
  forOrder(orderId: string): Promise<DueTask | undefined>;
}
