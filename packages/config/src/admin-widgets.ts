/** Widgets as the admin API answers them (`/v1/admin/widgets`). */
import type { WidgetSettings, WidgetType } from './widget-settings';

/** A widget of the account. */
export interface AdminWidget {
  id: string;
  accountId: string;
  /** The public id of the snippet and the public API. */
  key: string;
  type: WidgetType;
  name: string;
  active: boolean;
  /** Each secret (SECRET_PATHS) shows as `{ set }`: its value never leaves the platform. */
  settings: WidgetSettings;
  /** Bumped on every change. */
  version: number;
  /** `lineNNNNN@vpbx…` of a call or callback widget; null for chat. */
  sipLine: string | null;
  createdAt: number;
  updatedAt: number;
  deletedAt: number | null;
  deleteReason: string | null;
}

/** `GET /v1/admin/widgets`: the account's live widgets, oldest first. */
export interface WidgetsAnswer {
  widgets: AdminWidget[];
}
