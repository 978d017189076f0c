/**
 * The rows as the database holds them (snake_case, one shape on both engines): times are epoch
 * milliseconds, booleans 0/1, settings JSON text. Repositories turn rows into the records of
 * types.ts; nothing outside storage should need these.
 */
import type { Role } from './types';

/** Every table the migrations create, for `Kysely<Tables>`. */
export interface Tables {
  accounts: AccountRow;
  users: UserRow;
  groups: GroupRow;
  group_members: GroupMemberRow;
  sessions: SessionRow;
  widgets: WidgetRow;
  sip_lines: SipLineRow;
}

/** A row of `accounts`. */
export interface AccountRow {
  id: string;
  name: string;
  sip_domain: string;
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
