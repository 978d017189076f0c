/**
 * The platform's records and the store that keeps them: one interface, two engines (SQLite by
 * default, PostgreSQL with DATABASE_URL). Every method returns the same values on both engines;
 * strings come back byte-identical; times are epoch milliseconds.
 */
import type { WidgetSettings, WidgetType } from '@frontdesk/config';

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
  createdAt: number;
}

export interface Group {
  id: string;
  accountId: string;
  name: string;
  memberIds: string[];
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

export interface Widget {
  id: string;
  accountId: string;
  /** Public id used in the snippet and the public API; unique across the platform. */
  key: string;
  type: WidgetType;
  name: string;
  active: boolean;
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

export interface SipLine {
  /** `line` + five digits, unique in its account forever (never reused after release). */
  line: string;
  accountId: string;
  widgetId: string;
  createdAt: number;
  releasedAt: number | null;
}

/** Repositories over one database; every write is committed before its promise resolves. */
export interface Store {
  accounts: {
    create(input: { name: string; sipDomain: string }): Promise<Account>;
    get(id: string): Promise<Account | undefined>;
  };
  users: {
    create(input: Omit<User, 'id' | 'createdAt'>): Promise<User>;
    get(id: string): Promise<User | undefined>;
    byEmail(email: string): Promise<User | undefined>;
    list(accountId: string): Promise<User[]>;
    update(
      id: string,
      patch: Partial<Pick<User, 'name' | 'role' | 'passwordHash' | 'photoUrl' | 'email'>>,
    ): Promise<User | undefined>;
    /** Also removes the user from groups and ends their sessions. */
    delete(id: string): Promise<boolean>;
  };
  groups: {
    create(input: { accountId: string; name: string; memberIds: string[] }): Promise<Group>;
    get(id: string): Promise<Group | undefined>;
    list(accountId: string): Promise<Group[]>;
    update(id: string, patch: { name?: string; memberIds?: string[] }): Promise<Group | undefined>;
    delete(id: string): Promise<boolean>;
  };
  sessions: {
    create(input: Session): Promise<Session>;
    get(id: string): Promise<Session | undefined>;
    delete(id: string): Promise<void>;
    deleteExpired(now: number): Promise<number>;
  };
  widgets: {
    /**
     * Creates a widget; a call or callback widget also gets a fresh SIP line of its account
     * (random five digits, retried on collision with any line the account ever had).
     * `key` is generated unless given (the seed gives `demo-call` and the like).
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
    update(
      id: string,
      patch: { name?: string; active?: boolean; settings?: WidgetSettings; now: number },
    ): Promise<Widget | undefined>;
    /** Soft delete with an optional reason; releases (never frees for reuse) the SIP line. */
    softDelete(id: string, input: { reason: string | null; now: number }): Promise<boolean>;
    sipLines(accountId: string): Promise<SipLine[]>;
  };
}
