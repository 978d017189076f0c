/**
 * An account's staff as the platform shows them: users and groups (`/v1/admin/users`,
 * `/v1/admin/groups`, `/v1/auth/me`) and who is online (`presence` on `/ops`).
 */
import type { GroupChatRules } from './chat-distribution';
import type { TextLocale } from './locale';

/** What a user may do: admins everything, marketers the widgets, operators the desk. */
export type StaffRole = 'admin' | 'marketer' | 'operator';

/** A user of the account: never the password hash. */
export interface StaffUser {
  id: string;
  accountId: string;
  /** Lower-cased. */
  email: string;
  name: string;
  role: StaffRole;
  photoUrl: string | null;
  /** The employee's external phone (E.164), which call forwarding may ring. */
  phone: string | null;
  /** The language the staff apps speak to them; null follows their browser. */
  language: TextLocale | null;
  createdAt: number;
}

/** A group of operators with its rules for text enquiries. */
export interface StaffGroup {
  id: string;
  accountId: string;
  name: string;
  memberIds: string[];
  chatRules: GroupChatRules;
  createdAt: number;
}

/** `GET /v1/admin/users`. */
export interface UsersAnswer {
  users: StaffUser[];
}

/** `GET /v1/admin/groups`. */
export interface GroupsAnswer {
  groups: StaffGroup[];
}

/** Someone of the account with `/ops` open (`presence`: the list of them, by name). */
export interface OnlineUser {
  id: string;
  name: string;
  role: StaffRole;
}

/** `GET /v1/admin/account`: the account's own settings. */
export interface AccountSettings {
  id: string;
  name: string;
  /** What the platform writes for the account (staff e-mails and SMS) is in this language. */
  language: TextLocale;
}
