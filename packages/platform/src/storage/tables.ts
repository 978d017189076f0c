/**
 * The rows as the database holds them (snake_case, one shape on both engines): times are epoch
 * milliseconds, booleans 0/1, settings JSON text. Repositories turn rows into the records of
 * types.ts; nothing outside storage should need these.
 */
import type {
  CallChannel,
  CallFailReason,
  CallResult,
  ChatAuthor,
  ChatChannel,
  ChatRating,
  Messenger,
  TextLocale,
} from '@frontdesk/config';
import type { Generated } from 'kysely';
import type { Role } from '../accounts';
import type { OrderStatus } from '../orders';
import type { OutboxChannel, OutboxKind, OutboxStatus } from '../outbox';

/** Every table the migrations create, for `Kysely<Tables>`. */
export interface Tables {
  accounts: AccountRow;
  users: UserRow;
  groups: GroupRow;
  group_members: GroupMemberRow;
  sessions: SessionRow;
  widgets: WidgetRow;
  sip_lines: SipLineRow;
  orders: OrderRow;
  idempotency_keys: IdempotencyKeyRow;
  order_events: OrderEventRow;
  outbox: OutboxRow;
  due_tasks: DueTaskRow;
  /** A view: orders now, calls later. */
  call_history: CallHistoryRow;
  chat_visitors: ChatVisitorRow;
  conversations: ConversationRow;
  chat_messages: ChatMessageRow;
  chat_contacts: ChatContactRow;
  chat_handoffs: ChatHandoffRow;
  chat_auto_replies: ChatAutoReplyRow;
  secrets: SecretRow;
  trunks: TrunkRow;
  contacts: ContactRow;
  contact_visitors: ContactVisitorRow;
}

/** A row of `accounts`. */
export interface AccountRow {
  id: string;
  name: string;
  sip_domain: string;
  /**
   * What the platform writes for the account is in this language (migration 038); an insert
   * without one gets the column's default.
   */
  language: Generated<TextLocale>;
  created_at: number;
}

/** A row of `users`; `email` is stored lower-cased. */
export interface UserRow {
  id: string;
  account_id: string;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  photo_url: string | null;
  /** E.164, or null (migration 031). */
  phone: string | null;
  /** The staff apps' language; null follows the browser (migration 038). */
  language: TextLocale | null;
  /** Insertion order, 1, 2, …: lists are oldest first, and this orders records made at the same time. */
  seq: number;
  created_at: number;
}

/** A row of `groups`; members live in `group_members`. */
export interface GroupRow {
  id: string;
  account_id: string;
  name: string;
  /** Insertion order, 1, 2, …: lists are oldest first, and this orders records made at the same time. */
  seq: number;
  created_at: number;
  /** The rules for text enquiries (migration 032; see GroupChatRules in types.ts). */
  chat_mode: 'everyone' | 'distribute';
  chat_limit: number;
  chat_answer_seconds: number;
  /** Who got the group's last conversation: the next turn starts after them. */
  chat_last_assignee_id: string | null;
}

/** A row of `group_members`; `position` keeps the order members were given in. */
export interface GroupMemberRow {
  group_id: string;
  user_id: string;
  position: number;
}

/** A row of `sessions`. */
export interface SessionRow {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: number;
  expires_at: number;
}

/** A row of `widgets`; `active` is 0/1 and `settings` JSON text. */
export interface WidgetRow {
  id: string;
  account_id: string;
  key: string;
  type: string;
  name: string;
  active: number;
  settings: string;
  version: number;
  sip_line: string | null;
  /** Insertion order, 1, 2, …: lists are oldest first, and this orders records made at the same time. */
  seq: number;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
  delete_reason: string | null;
}

/** A row of `sip_lines`: every line an account ever had, released or not. */
export interface SipLineRow {
  account_id: string;
  line: string;
  widget_id: string;
  created_at: number;
  released_at: number | null;
}

/** A row of `orders`; the addressee columns are set in automatic mode only. */
export interface OrderRow {
  id: string;
  account_id: string;
  widget_id: string;
  widget_name: string;
  mode: 'automatic' | 'manual';
  phone: string;
  name: string | null;
  slot_at: number | null;
  consent: number;
  page_url: string | null;
  page_title: string | null;
  page_referrer: string | null;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
  utm_term: string | null;
  utm_content: string | null;
  visitor_time_zone: string | null;
  addressee_kind: 'employee' | 'group' | 'account' | 'external' | null;
  addressee_id: string | null;
  addressee_number: string | null;
  outgoing_number: string | null;
  status: OrderStatus;
  operator_id: string | null;
  operator_name: string | null;
  note: string | null;
  created_at: number;
  ringing_at: number | null;
  accepted_at: number | null;
  done_at: number | null;
  failed_at: number | null;
  /** Automatic mode: the calls the platform placed for it (migration 037). */
  attempts: number;
  /** The address book's contact (migration 035); null for orders placed before it. */
  contact_id: string | null;
}

/** A row of `idempotency_keys`: which order a widget's key made, and from which request. */
export interface IdempotencyKeyRow {
  widget_id: string;
  key: string;
  request_hash: string;
  order_id: string;
  created_at: number;
}

/** A row of `order_events`: one per state an order entered. */
export interface OrderEventRow {
  id: string;
  order_id: string;
  status: OrderStatus;
  at: number;
  user_id: string | null;
  note: string | null;
}

/** A row of `outbox`: one e-mail or SMS and where its delivery stands. */
export interface OutboxRow {
  id: string;
  account_id: string;
  order_id: string | null;
  kind: OutboxKind;
  channel: OutboxChannel;
  recipient: string;
  subject: string | null;
  body: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: number;
  claimed_by: string | null;
  claimed_at: number | null;
  last_error: string | null;
  sent_at: number | null;
  failed_at: number | null;
  /** When the admins were told the message is overdue (migration 041). */
  overdue_told_at: number | null;
  created_at: number;
}

/** A row of `due_tasks`: when an automatic order rings, who claimed it, when it was delivered. */
export interface DueTaskRow {
  id: string;
  order_id: string;
  due_at: number;
  claimed_by: string | null;
  claimed_at: number | null;
  fired_at: number | null;
  created_at: number;
}

/** A row of the `call_history` view. */
export interface CallHistoryRow {
  /** Migration 036: `trunk`, a call through a trunk. */
  kind: CallChannel;
  id: string;
  account_id: string;
  widget_id: string;
  caller: string;
  caller_name: string | null;
  dialled: string;
  /** Migration 034: the line, one result for calls and orders, the visitor's zone. */
  line: string | null;
  status: string;
  result: CallResult;
  visitor_time_zone: string | null;
  at: number;
  slot_at: number | null;
  answered_at: number | null;
  ended_at: number | null;
  operator_id: string | null;
  operator_name: string | null;
  page_url: string | null;
  page_title: string | null;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
  note: string | null;
  /** Migration 036: a call's; null for an order. */
  fail_reason: CallFailReason | null;
  answered_number: string | null;
  trunk_id: string | null;
}

/** A row of `chat_visitors`: a visitor of one chat widget, known by the SHA-256 of its token. */
export interface ChatVisitorRow {
  id: string;
  account_id: string;
  widget_id: string;
  token_hash: string;
  time_zone: string | null;
  created_at: number;
  last_seen_at: number;
}

/** A row of `conversations`; `rating_offered` is 0/1. */
export interface ConversationRow {
  id: string;
  account_id: string;
  widget_id: string;
  visitor_id: string;
  receiver_kind: 'employee' | 'group' | null;
  receiver_id: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  status: 'open' | 'closed';
  last_seq: number;
  read_by_operator_seq: number;
  read_by_visitor_seq: number;
  unanswered: number;
  enquiry_started_at: number | null;
  rating_offered: number;
  rating: ChatRating | null;
  page_url: string | null;
  page_title: string | null;
  time_zone: string | null;
  started_at: number;
  closed_at: number | null;
  /** The hour of non-working e-mails (migration 014): its start, its count, its batch. */
  email_hour_started_at: number | null;
  email_hour_count: number;
  email_batch_id: string | null;
  /** Distribution (migration 032): in the queue since, held since, first answer due by. */
  queued_at: number | null;
  assigned_at: number | null;
  answer_due_at: number | null;
  /** The last hand-over: why, from whom, the note, when. */
  transfer_reason: 'operator' | 'timeout' | null;
  transfer_from_name: string | null;
  transfer_note: string | null;
  transferred_at: number | null;
  /** Where the customer last wrote from (migration 030): where replies go. */
  channel: ChatChannel;
}

/** A row of `chat_messages`. */
export interface ChatMessageRow {
  id: string;
  conversation_id: string;
  seq: number;
  client_id: string | null;
  author: ChatAuthor;
  operator_id: string | null;
  operator_name: string | null;
  operator_photo_url: string | null;
  text: string;
  at: number;
  /** When `chat:message` went to the operators; null until then (see migration 013). */
  published_at: number | null;
}

/** A row of `chat_contacts`: what a visitor gave, per account. */
export interface ChatContactRow {
  account_id: string;
  visitor_id: string;
  name: string | null;
  phone: string | null;
  email: string | null;
  updated_at: number;
}

/** A row of `chat_handoffs`: a messenger context token and whom it stands for. */
export interface ChatHandoffRow {
  token: string;
  account_id: string;
  widget_id: string;
  visitor_id: string;
  conversation_id: string | null;
  channel: Messenger;
  created_at: number;
}

/** A row of `chat_auto_replies`: one auto-reply of one enquiry, due at `due_at`. */
export interface ChatAutoReplyRow {
  id: string;
  conversation_id: string;
  enquiry_started_at: number;
  position: number;
  text: string;
  due_at: number;
  fired_by: string | null;
  fired_at: number | null;
  cancelled_at: number | null;
}

/** A row of `secrets`: one write-only secret of an owner (see secrets.ts). */
export interface SecretRow {
  owner_kind: string;
  owner_id: string;
  name: string;
  value: string;
  updated_at: number;
}

/** A row of `trunks` (migration 031); `destinations` is a JSON array of country calling codes. */
export interface TrunkRow {
  id: string;
  account_id: string;
  name: string;
  host: string;
  port: number;
  transport: 'udp' | 'tcp' | 'tls';
  username: string;
  register: number;
  caller_id: string | null;
  caller_id_header: 'from' | 'pai';
  max_calls: number;
  destinations: string;
  seq: number;
  created_at: number;
  updated_at: number;
}

/** A row of `contacts` (migration 035): one person of the address book. */
export interface ContactRow {
  id: string;
  account_id: string;
  name: string | null;
  /** `name` lower-cased for Russian too: what a search compares. */
  name_search: string | null;
  /** E.164; unique in the account. */
  phone: string | null;
  /** The phone without its `+`: searched by prefix. */
  phone_digits: string | null;
  /** Lower-cased; unique in the account. */
  email: string | null;
  created_at: number;
  updated_at: number;
}

/** A row of `contact_visitors` (migration 035): whose contact a visitor (a browser) is. */
export interface ContactVisitorRow {
  account_id: string;
  visitor_id: string;
  contact_id: string;
}
