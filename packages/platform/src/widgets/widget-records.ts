/** The widgets feature's records and repository. */
import type { WidgetSettings, WidgetType } from '@frontdesk/config';
import type { SipLine } from '../calls/call-records';

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

/** The widgets, their settings and SIP lines (`store.widgets`). */
export interface WidgetsRepository {
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
}
