/**
 * The accounts feature's records: accounts, their users and groups, sign-in sessions; and their
 * repositories.
 */
import type {
  GroupChatRules,
  StaffGroup,
  StaffRole,
  StaffUser,
  TextLocale,
} from '@frontdesk/config';

export type { GroupChatRules } from '@frontdesk/config';

/** What a user may do: admin everything; marketer widgets; operator answers. */
export type Role = StaffRole;

/** A member of staff: what the admin API shows, and the password hash it never shows. */
export interface User extends StaffUser {
  /** scrypt (passwords.ts). */
  passwordHash: string;
}

/**
 * What a staff socket keeps of its user (`socket.data.user`): what its handlers read, no more —
 * socket.data crosses Redis with every presence lookup (fetchSockets).
 */
export type OpsUser = Pick<User, 'id' | 'accountId' | 'name' | 'role' | 'photoUrl'>;

/** A group of users that enquiries may be routed to. */
export type Group = StaffGroup;

export interface Account {
  id: string;
  name: string;
  /** The account's SIP domain: `vpbx<number>.<sip domain>`. */
  sipDomain: string;
  /** What the platform writes for the account (e-mails, SMS) is in this language. */
  language: TextLocale;
  createdAt: number;
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

/** The accounts (`store.accounts`). */
export interface AccountsRepository {
  /** In Russian unless `language` says otherwise (the column's default, migration 038). */
  create(input: { name: string; sipDomain: string; language?: TextLocale }): Promise<Account>;
  get(id: string): Promise<Account | undefined>;
  update(id: string, patch: { language?: TextLocale }): Promise<Account | undefined>;
}

/** The staff (`store.users`). */
export interface UsersRepository {
  create(
    input: Omit<User, 'id' | 'createdAt' | 'phone' | 'language'> & {
      phone?: string | null;
      language?: TextLocale | null;
    },
  ): Promise<User>;
  get(id: string): Promise<User | undefined>;
  byEmail(email: string): Promise<User | undefined>;
  list(accountId: string): Promise<User[]>;
  update(
    id: string,
    patch: Partial<
      Pick<User, 'name' | 'role' | 'passwordHash' | 'photoUrl' | 'email' | 'phone' | 'language'>
    >,
  ): Promise<User | undefined>;
  /**
   * Sets the password hash to `to` if it still is `from` (a sign-in upgrading the hash it just
   * verified); whether it did.
   */
  replacePasswordHash(id: string, from: string, to: string): Promise<boolean>;
  /** Also removes the user from groups and ends their sessions. */
  delete(id: string): Promise<boolean>;
}

/** The groups of users (`store.groups`). */
export interface GroupsRepository {
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
}

/** The sign-in sessions (`store.sessions`). */
export interface SessionsRepository {
  create(input: Session): Promise<Session>;
  get(id: string): Promise<Session | undefined>;
  delete(id: string): Promise<void>;
  /** Ends the user's sessions but `exceptId` (the one asking); the ids of those it ended. */
  deleteOfUser(userId: string, exceptId?: string): Promise<string[]>;
  deleteExpired(now: number): Promise<number>;
}
