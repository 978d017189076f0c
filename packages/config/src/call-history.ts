/**
 * `GET /v1/admin/call-history` (and its CSV, `GET /v1/admin/call-history.csv`): callback orders,
 * calls from the site and calls through the account's trunks in one list, and the filters they
 * take.
 */
import type { Utm } from './utm';

/**
 * What a line of the history is: a call from the site, a callback order, or a trunk call — one
 * that went through a trunk to the telephone network (a call from the site forwarded to a phone
 * number, answered there or failed at the trunk).
 */
export type CallChannel = 'call' | 'callback' | 'trunk';

/** Every {@link CallChannel}, in the order the screens offer them. */
export const CALL_CHANNELS: readonly CallChannel[] = ['call', 'callback', 'trunk'];

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

/**
 * Why a call failed, when its status and SIP code do not say: `trunk_unavailable`, the trunk to
 * the telephone network was down (its 5xx, its refusal of our credentials, or no answer from it).
 */
export type CallFailReason = 'trunk_unavailable';

/**
 * How it ended, the same words for calls and orders: `answered` (a call talked; an order taken
 * or done), `missed` (nobody answered or nobody was there), `busy`, `failed` (a call's error; an
 * order given up), `cancelled` (the visitor hung up while it rang), `open` (still ringing or
 * waiting to be called back).
 */
export type CallResult = 'answered' | 'missed' | 'busy' | 'failed' | 'cancelled' | 'open';

/** Every {@link CallResult}, in the order the screens offer them. */
export const CALL_RESULTS: readonly CallResult[] = [
  'answered',
  'missed',
  'busy',
  'failed',
  'cancelled',
  'open',
];

/** A line of the call history: a callback order, a call from the site, or a trunk call. */
export interface CallHistoryEntry {
  kind: CallChannel;
  id: string;
  widgetId: string;
  /** Who called: the visitor's number for an order, the widget's name for a call. */
  caller: string;
  callerName: string | null;
  /** What was dialled: the widget's name for an order, its SIP line for a call. */
  dialled: string;
  /** The line: a call's SIP line; the company number an automatic order rings from, or null. */
  line: string | null;
  /** The order's or the call's own status. */
  status: string;
  result: CallResult;
  at: number;
  slot: number | null;
  answeredAt: number | null;
  endedAt: number | null;
  /** A call's talk time in whole seconds, once answered and ended; null for an order. */
  duration: number | null;
  operator: { id: string; name: string } | null;
  page: { url: string | null; title: string | null };
  utm: Utm;
  note: string | null;
  /** The visitor's IANA zone, when their widget said it. */
  visitorTimeZone: string | null;
  /** Why a call failed, where its status does not say; null for an order. */
  failReason: CallFailReason | null;
  /**
   * The trunk a call went through and the number that answered there (null while nobody did);
   * the trunk's name is null once it was deleted. Null when no trunk answered, and for an order.
   */
  trunk: { id: string; name: string | null; number: string | null } | null;
}

/**
 * The filters of the history, as query parameters: `from` inclusive and `to` exclusive (ISO
 * instants), a widget's id, a line, an operator's id, a result and a channel. Left out: any.
 */
export interface CallHistoryFilter {
  from?: string;
  to?: string;
  widget?: string;
  line?: string;
  operator?: string;
  result?: CallResult;
  channel?: CallChannel;
}

/** The query string of `filter` (with `extra`, like `limit` and `cursor`), without the `?`. */
export function callHistoryQuery(
  filter: CallHistoryFilter,
  extra: Record<string, string> = {},
): string {
  // By hand: this package's code runs where URLSearchParams may not be typed (no DOM lib).
  return Object.entries({ ...filter, ...extra })
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
}
