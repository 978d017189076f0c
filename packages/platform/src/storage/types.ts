/**
 * The platform's records and the store that keeps them: one interface, two engines (SQLite by
 * default, PostgreSQL with DATABASE_URL). Every method returns the same values on both engines;
 * strings come back byte-identical; times are epoch milliseconds.
 */
import type { WidgetSettings, WidgetType } from '@frontdesk/config';
import type { ChannelStore } from '../chat/channels/channel-types';
import type { ChatDistributionStore } from '../chat/distribution-store';
import type { ChatStore } from '../chat/chat-records';
import type { MissedStore } from '../chat/missed-store';
import type { SearchStore } from '../search/search-store';

/** What a user may do: admin everything; marketer widgets; operator answers. */
export type Role = 'admin' | 'marketer' | 'operator';

export interface Account {
  id: string;
  name: string;
  /** The account's SIP domain: `vpbx<number>.<sip domain>`. */
  sipDomain: string;
  createdAt: number;
}

export interface User {
  id: string;
  accountId: string;
  /** Lower-cased; unique across the platform. */
  email: string;
  name: string;
  role: Role;
  /** scrypt hash in the form produced by passwords.ts; never leaves the platform. */
  passwordHash: string;
  photoUrl: string | null;
  /** The employee's external phone (E.164), which the forwarding scheme may ring. */
  phone: string | null;
  createdAt: number;
}

export interface Group {
  id: string;
  accountId: string;
  name: string;
  memberIds: string[];
  /** The rules for text enquiries: how the group's conversations reach its members. */
  chatRules: GroupChatRules;
  createdAt: number;
}

/**
 * A group's rules for text enquiries (the source's section 4.4). `everyone`: every member sees a
 * new conversation and the first to reply takes it. `distribute`: each goes to one online member
 * in turn, skipping those who hold `limit` open conversations (0: nobody gets one by turn; all
 * wait in the queue, which any member may take from by replying); past `answerSeconds` without a
 * first answer it moves to the next member (0 = no limit).
 */
export interface GroupChatRules {
  mode: 'everyone' | 'distribute';
  limit: number;
  answerSeconds: number;
}

export interface Session {
  /** SHA-256 of the cookie token, hex: the token itself is never stored. */
  id: string;
  userId: string;
  /** Synchronizer token the browser echoes in `x-csrf-token` on writes. */
  csrfToken: string;
  createdAt: number;
  expiresAt: number;
}

export interface Widget {
  id: string;
  accountId: string;
  /** Public id used in the snippet and the public API; unique across the platform. */
  key: string;
  type: WidgetType;
  name: string;
  active: boolean;
  /** Each secret (SECRET_PATHS) shows as `{ set }`: its value never leaves the store this way. */
  settings: WidgetSettings;
  /** Bumped on every change: part of the public config's ETag. */
  version: number;
  /** `lineNNNNN@vpbx…` of a call or callback widget; null for chat. */
  sipLine: string | null;
  createdAt: number;
  updatedAt: number;
  deletedAt: number | null;
  deleteReason: string | null;
}

/** What a write-only secret belongs to (see secrets.ts): a widget, or a SIP trunk. */
export interface SecretOwner {
  kind: 'widget' | 'trunk';
  id: string;
}

/** How a trunk's SIP travels. */
export type TrunkTransport = 'udp' | 'tcp' | 'tls';

/** An account's SIP trunk: the way out to the telephone network (a provider or a PBX). */
export interface Trunk {
  id: string;
  accountId: string;
  name: string;
  /** The provider's SIP proxy. */
  host: string;
  port: number;
  transport: TrunkTransport;
  /** The digest username. */
  username: string;
  /** Whether a password is stored: the password itself never leaves the store this way. */
  password: { set: boolean };
  /** Whether the edge registers with the provider. */
  register: boolean;
  /** E.164 presented as the caller when the call widget names none; null: the username. */
  callerId: string | null;
  /** Where the caller id goes: the From header, or a P-Asserted-Identity beside it. */
  callerIdHeader: 'from' | 'pai';
  /** The most calls through it at once. */
  maxCalls: number;
  /** The country calling codes it may dial (`7`, `375`, …). */
  destinations: string[];
  createdAt: number;
  updatedAt: number;
}

/** A trunk as {@link Store.trunks.create} takes it; the password is stored as a secret. */
export type NewTrunk = Omit<Trunk, 'id' | 'password' | 'createdAt' | 'updatedAt'> & {
  password: string | null;
  now: number;
};

/** Changes of {@link Store.trunks.update}: a password string replaces, null clears, left out keeps. */
export type TrunkPatch = Partial<Omit<NewTrunk, 'accountId' | 'now'>> & { now: number };

export interface SipLine {
  /** `line` + five digits, unique in its account forever (never reused after release). */
  line: string;
  accountId: string;
  widgetId: string;
  createdAt: number;
  releasedAt: number | null;
}

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

export type OutboxChannel = 'email' | 'sms';
/**
 * What a message is about, which decides what a pass sends first: an order's notification and an
 * alert to the account's admins, then an embed code, then a chat e-mail.
 */
export type OutboxKind = 'order' | 'alert' | 'embed' | 'chat';
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

/** An e-mail or SMS to queue. */
export interface NewOutboxMessage {
  channel: OutboxChannel;
  /** An e-mail address or an E.164 number. */
  recipient: string;
  /** E-mail only. */
  subject: string | null;
  body: string;
}

/** A queued e-mail or SMS and where its delivery stands. */
export interface OutboxMessage extends NewOutboxMessage {
  id: string;
  accountId: string;
  orderId: string | null;
  kind: OutboxKind;
  status: OutboxStatus;
  /** Attempts so far; each claim counts one, so it also tells one claim from the next. */
  attempts: number;
  nextAttemptAt: number;
  lastError: string | null;
  sentAt: number | null;
  /** When it was given up (`failed`); its admins were e-mailed then. */
  failedAt: number | null;
  createdAt: number;
}

/** How a send went, for {@link Store.outbox.settle}. */
export type SendOutcome =
  | { status: 'sent'; at: number }
  | { status: 'pending'; error: string; retryAt: number }
  | { status: 'failed'; error: string; at: number };

/** When an automatic order rings, who claimed that moment, and when the ring went out. */
export interface DueTask {
  id: string;
  orderId: string;
  dueAt: number;
  claimedBy: string | null;
  claimedAt: number | null;
  firedAt: number | null;
}

/** A line of the call history: a callback order, or a call from the site. */
export interface CallHistoryEntry {
  kind: 'callback' | 'call';
  id: string;
  widgetId: string;
  /** Who called: the visitor's number for an order, the widget's name for a call. */
  caller: string;
  callerName: string | null;
  /** What was dialled: the widget's name for an order, its SIP line for a call (as the source's report shows them). */
  dialled: string;
  status: string;
  at: number;
  slot: number | null;
  answeredAt: number | null;
  endedAt: number | null;
  operator: { id: string; name: string } | null;
  page: { url: string | null; title: string | null };
  utm: Utm;
  note: string | null;
}

/** Where a newest-first list goes on: the last item's time and id. */
export interface Cursor {
  at: number;
  id: string;
}

/** One page of a newest-first list; `next` is null on the last page. */
export interface Page<T> {
  items: T[];
  next: Cursor | null;
}

/** Where a call from the site stands: ringing, then answered and completed, or unanswered. */
export type CallStatus =
  | 'ringing'
  | 'answered'
  | 'completed'
  /** Nobody was registered for the line. */
  | 'unavailable'
  | 'no_answer'
  | 'busy'
  | 'declined'
  /** The visitor hung up while it rang. */
  | 'cancelled'
  | 'failed';

/** How a call ended unanswered. */
export type UnansweredStatus = Exclude<CallStatus, 'ringing' | 'answered' | 'completed'>;

/** A call a visitor placed from a call widget, as the SIP edge (Kamailio) reported it. */
export interface Call {
  id: string;
  /** The SIP Call-ID. */
  callId: string;
  accountId: string;
  widgetId: string;
  /** The widget's name when the call came in: the call history's "who called". */
  widgetName: string;
  /** `line12345@vpbx…`: what was dialled. */
  line: string;
  /** The visitor part of the credential the call was placed with. */
  visitorId: string;
  /** What the widget said about the page when it asked for credentials (the visitor's word). */
  page: { url: string | null; title: string | null };
  utm: Utm;
  visitorTimeZone: string | null;
  status: CallStatus;
  /** The final SIP status of an unanswered call (480, 486, 487, …). */
  sipCode: number | null;
  /** Who answered (their name then): an operator's console, or the employee whose phone it was. */
  operator: { id: string; name: string } | null;
  /** The number that answered through a trunk; null when a console did (or nobody). */
  answeredNumber: string | null;
  /** The trunk the answered number was reached through. */
  trunkId: string | null;
  endedBy: 'visitor' | 'operator' | 'timeout' | null;
  startedAt: number;
  answeredAt: number | null;
  /** When it ended: hung up after an answer, or given up unanswered. */
  endedAt: number | null;
}

/** What {@link Store.calls.start} stores: a call that starts ringing. */
export type NewCall = Omit<
  Call,
  | 'id'
  | 'status'
  | 'sipCode'
  | 'operator'
  | 'answeredNumber'
  | 'trunkId'
  | 'endedBy'
  | 'answeredAt'
  | 'endedAt'
>;

/** Repositories over one database; every write is committed before its promise resolves. */
export interface Store extends ChatStore, SearchStore, MissedStore {
  chatDistribution: ChatDistributionStore;
  /** The messenger channels: peers, inbound updates, the replies' outbox, leases (src/chat/channels/). */
  channels: ChannelStore;
  accounts: {
    create(input: { name: string; sipDomain: string }): Promise<Account>;
    get(id: string): Promise<Account | undefined>;
  };
  users: {
    create(
      input: Omit<User, 'id' | 'createdAt' | 'phone'> & { phone?: string | null },
    ): Promise<User>;
    get(id: string): Promise<User | undefined>;
    byEmail(email: string): Promise<User | undefined>;
    list(accountId: string): Promise<User[]>;
    update(
      id: string,
      patch: Partial<Pick<User, 'name' | 'role' | 'passwordHash' | 'photoUrl' | 'email' | 'phone'>>,
    ): Promise<User | undefined>;
    /**
     * Sets the password hash to `to` if it still is `from` (a sign-in upgrading the hash it just
     * verified); whether it did.
     */
    replacePasswordHash(id: string, from: string, to: string): Promise<boolean>;
    /** Also removes the user from groups and ends their sessions. */
    delete(id: string): Promise<boolean>;
  };
  groups: {
    create(input: {
      accountId: string;
      name: string;
      memberIds: string[];
      chatRules?: GroupChatRules;
    }): Promise<Group>;
    get(id: string): Promise<Group | undefined>;
    list(accountId: string): Promise<Group[]>;
    update(
      id: string,
      patch: { name?: string; memberIds?: string[]; chatRules?: GroupChatRules },
    ): Promise<Group | undefined>;
    delete(id: string): Promise<boolean>;
  };
  sessions: {
    create(input: Session): Promise<Session>;
    get(id: string): Promise<Session | undefined>;
    delete(id: string): Promise<void>;
    /** Ends the user's sessions but `exceptId` (the one asking); the ids of those it ended. */
    deleteOfUser(userId: string, exceptId?: string): Promise<string[]>;
    deleteExpired(now: number): Promise<number>;
  };
  widgets: {
    /**
     * Creates a widget; a call or callback widget also gets a fresh SIP line of its account
     * (random five digits, retried on collision with any line the account ever had).
     * `key` is generated unless given (the seed gives `demo-call` and the like). Secrets in
     * `settings` are stored apart (a string is stored; null, `{ set }` or none stores nothing).
     */
    create(input: {
      accountId: string;
      type: WidgetType;
      name: string;
      settings: WidgetSettings;
      key?: string;
      active?: boolean;
      now: number;
    }): Promise<Widget>;
    get(id: string): Promise<Widget | undefined>;
    /** Deleted widgets are not found by key. */
    byKey(key: string): Promise<Widget | undefined>;
    /** Live widgets of an account, oldest first. */
    list(accountId: string): Promise<Widget[]>;
    /**
     * Secrets of new `settings`: left out or `{ set }` keeps the stored one, a string replaces it,
     * null clears it; one whose object is gone (a disconnected channel) is cleared.
     */
    update(
      id: string,
      patch: { name?: string; active?: boolean; settings?: WidgetSettings; now: number },
    ): Promise<Widget | undefined>;
    /** Soft delete with an optional reason; releases (never frees for reuse) the SIP line; drops the secrets. */
    softDelete(id: string, input: { reason: string | null; now: number }): Promise<boolean>;
    sipLines(accountId: string): Promise<SipLine[]>;
  };
  trunks: {
    /** Stores a trunk and its password (a secret) in one transaction. */
    create(input: NewTrunk): Promise<Trunk>;
    get(id: string): Promise<Trunk | undefined>;
    /** The account's trunks, oldest first. */
    list(accountId: string): Promise<Trunk[]>;
    /** Every trunk of every account, oldest first: what the SIP edge may dial through. */
    all(): Promise<Trunk[]>;
    update(id: string, patch: TrunkPatch): Promise<Trunk | undefined>;
    /** Deletes the trunk and its password. */
    delete(id: string): Promise<boolean>;
  };
  secrets: {
    /** The stored secret `name` of `owner`, for the code that uses it; never for an answer or a log. */
    get(owner: SecretOwner, name: string): Promise<string | undefined>;
  };
  orders: {
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
  };
  dueTasks: {
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
  };
  outbox: {
    /** Queues messages about nothing stored (an embed code e-mailed to a developer). */
    queue(input: {
      accountId: string;
      kind: OutboxKind;
      messages: NewOutboxMessage[];
      now: number;
    }): Promise<void>;
    /**
     * Claims messages of `channels` due at `now` (pending, or stuck in sending since before
     * `staleBefore`), counting an attempt for each; each message is claimed by one caller. Order
     * notifications and alerts come first, then the oldest due.
     */
    claim(input: {
      channels: readonly OutboxChannel[];
      now: number;
      by: string;
      staleBefore: number;
      limit: number;
    }): Promise<OutboxMessage[]>;
    /**
     * Records how the send of `claimed` (a message as {@link claim} returned it) by `by` went;
     * false, changing nothing, when that claim is no longer the message's latest (its lease ran
     * out and another pass claimed it since). A message given up (`failed`) is e-mailed to the
     * account's admins in the same transaction, once; an alert given up is not.
     */
    settle(
      claimed: Pick<OutboxMessage, 'id' | 'attempts'>,
      by: string,
      outcome: SendOutcome,
    ): Promise<boolean>;
    /** The account's messages, newest first. */
    list(filter: {
      accountId: string;
      status?: OutboxStatus;
      orderId?: string;
      cursor?: Cursor;
      limit: number;
    }): Promise<Page<OutboxMessage>>;
  };
  callHistory: {
    /** The account's history, newest first; `from` inclusive, `to` exclusive. */
    list(filter: {
      accountId: string;
      widgetId?: string;
      status?: string;
      from?: number;
      to?: number;
      cursor?: Cursor;
      limit: number;
    }): Promise<Page<CallHistoryEntry>>;
  };
  calls: {
    /** Records a call that starts ringing; false when its Call-ID is known (a repeated event). */
    start(call: NewCall): Promise<boolean>;
    /** The first answer of a ringing call; false for any other call. */
    answer(
      callId: string,
      input: {
        at: number;
        operator: { id: string; name: string } | null;
        answeredNumber?: string | null;
        trunkId?: string | null;
      },
    ): Promise<boolean>;
    /** A ringing call given up unanswered; false for any other call. */
    fail(
      callId: string,
      input: { at: number; status: UnansweredStatus; sipCode: number | null },
    ): Promise<boolean>;
    /** The end of an answered call; false for any other call. */
    end(
      callId: string,
      input: { at: number; by: 'visitor' | 'operator' | 'timeout' },
    ): Promise<boolean>;
    byCallId(callId: string): Promise<Call | undefined>;
    /**
     * The operators (user ids) of the account in an answered call that started at `since` or
     * later and has not ended: who is busy talking now (presence).
     */
    operatorsInCall(accountId: string, since: number): Promise<string[]>;
    /** The account's calls, newest first (by start); `from` inclusive, `to` exclusive. */
    list(filter: {
      accountId: string;
      widgetId?: string;
      from?: number;
      to?: number;
      cursor?: Cursor;
      limit: number;
    }): Promise<Page<Call>>;
    /** Every live, active call widget that has a line, of all accounts: what the SIP edge routes. */
    callWidgets(): Promise<Widget[]>;
  };
}
