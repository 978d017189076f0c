/** The widgets feature's records and repository. */
import type { AdminWidget, WidgetSettings, WidgetType } from '@frontdesk/config';
import type { SipLine } from '../calls/call-records';

/** A widget: the record is what the admin API shows (its secrets are stored apart). */
export type Widget = AdminWidget;

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
