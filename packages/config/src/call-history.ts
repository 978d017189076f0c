/** `GET /v1/admin/call-history`: callback orders and calls from the site in one list. */
import type { Utm } from './utm';

/** A line of the call history: a callback order, or a call from the site. */
export interface CallHistoryEntry {
  kind: 'callback' | 'call';
  id: string;
  widgetId: string;
  /** Who called: the visitor's number for an order, the widget's name for a call. */
  caller: string;
  callerName: string | null;
  /** What was dialled: the widget's name for an order, its SIP line for a call. */
  dialled: string;
  /** The order's or the call's status. */
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
