/** The calls feature's records (trunks, SIP lines, calls, the call history) and repositories. */
import type {
  AdminTrunk,
  CallChannel,
  CallFailReason,
  CallHistoryEntry,
  CallResult,
  CallStatus,
} from '@frontdesk/config';
import type { Utm } from '../orders';
import type { Cursor, Page } from '../storage/page';
import type { Widget } from '../widgets';

export type { CallHistoryEntry } from '@frontdesk/config';

/** An account's SIP trunk as stored (the admin API adds where its registration stands). */
export type Trunk = Omit<AdminTrunk, 'registration'>;

/** A trunk as {@link Store.trunks.create} takes it; the password is stored as a secret. */
export type NewTrunk = Omit<Trunk, 'id' | 'password' | 'createdAt' | 'updatedAt'> & {
  password: string | null;
  now: number;
};

/** Changes of {@link Store.trunks.update}: a password string replaces, null clears, left out keeps. */
export type TrunkPatch = Partial<Omit<NewTrunk, 'accountId' | 'now'>> & { now: number };

export interface SipLine {
  /** `line` + five digits, unique in its account forever (never reused after release). */
  line: string;
  accountId: string;
  widgetId: string;
  createdAt: number;
  releasedAt: number | null;
}

/** Where a call from the site stands (`@frontdesk/config`'s: the staff apps say it too). */
/** Why a call failed, when its status and SIP code do not say (`@frontdesk/config`'s). */
export type { CallFailReason, CallStatus } from '@frontdesk/config';

/** How a call ended unanswered. */
export type UnansweredStatus = Exclude<CallStatus, 'ringing' | 'answered' | 'completed'>;

/** A call a visitor placed from a call widget, as the SIP edge (Kamailio) reported it. */
export interface Call {
  id: string;
  /** The SIP Call-ID. */
  callId: string;
  accountId: string;
  widgetId: string;
  /** The widget's name when the call came in: the call history's "who called". */
  widgetName: string;
  /** `line12345@vpbx…`: what was dialled. */
  line: string;
  /** The visitor part of the credential the call was placed with. */
  visitorId: string;
  /** What the widget said about the page when it asked for credentials (the visitor's word). */
  page: { url: string | null; title: string | null };
  utm: Utm;
  visitorTimeZone: string | null;
  status: CallStatus;
  /** The final SIP status of an unanswered call (480, 486, 487, …). */
  sipCode: number | null;
  /** Who answered (their name then): an operator's console, or the employee whose phone it was. */
  operator: { id: string; name: string } | null;
  /** The number that answered through a trunk; null when a console did (or nobody). */
  answeredNumber: string | null;
  /** The trunk the answered number was reached through. */
  trunkId: string | null;
  /** Why it failed, where its status and SIP code do not say (see {@link CallFailReason}). */
  failReason: CallFailReason | null;
  endedBy: 'visitor' | 'operator' | 'timeout' | null;
  startedAt: number;
  answeredAt: number | null;
  /** When it ended: hung up after an answer, or given up unanswered. */
  endedAt: number | null;
}

/** What {@link Store.calls.start} stores: a call that starts ringing. */
export type NewCall = Omit<
  Call,
  | 'id'
  | 'status'
  | 'sipCode'
  | 'operator'
  | 'answeredNumber'
  | 'trunkId'
  | 'failReason'
  | 'endedBy'
  | 'answeredAt'
  | 'endedAt'
>;

/** The SIP trunks (`store.trunks`). */
export interface TrunksRepository {
  /** Stores a trunk and its password (a secret) in one transaction. */
  create(input: NewTrunk): Promise<Trunk>;
  get(id: string): Promise<Trunk | undefined>;
  /** The account's trunks, oldest first. */
  list(accountId: string): Promise<Trunk[]>;
  /** Every trunk of every account, oldest first: what the SIP edge may dial through. */
  all(): Promise<Trunk[]>;
  update(id: string, patch: TrunkPatch): Promise<Trunk | undefined>;
  /** Deletes the trunk and its password. */
  delete(id: string): Promise<boolean>;
}

/** The call history: site calls, callback orders and trunk calls (`store.callHistory`). */
export interface CallHistoryRepository {
  /** The account's history, newest first; `from` inclusive, `to` exclusive. */
  list(
    filter: CallHistoryQuery & { cursor?: Cursor; limit: number },
  ): Promise<Page<CallHistoryEntry>>;
}

/** Which lines of an account's history to list; every field left out matches any. */
export interface CallHistoryQuery {
  accountId: string;
  widgetId?: string;
  /** The entry's own status (an order's or a call's). */
  status?: string;
  line?: string;
  operatorId?: string;
  result?: CallResult;
  channel?: CallChannel;
  from?: number;
  to?: number;
}

/** The calls from the site (`store.calls`). */
export interface CallsRepository {
  /** Records a call that starts ringing; false when its Call-ID is known (a repeated event). */
  start(call: NewCall): Promise<boolean>;
  /** The first answer of a ringing call; false for any other call. */
  answer(
    callId: string,
    input: {
      at: number;
      operator: { id: string; name: string } | null;
      answeredNumber?: string | null;
      trunkId?: string | null;
    },
  ): Promise<boolean>;
  /** A ringing call given up unanswered; false for any other call. */
  fail(
    callId: string,
    input: {
      at: number;
      status: UnansweredStatus;
      sipCode: number | null;
      reason?: CallFailReason | null;
    },
  ): Promise<boolean>;
  /** The end of an answered call; false for any other call. */
  end(
    callId: string,
    input: { at: number; by: 'visitor' | 'operator' | 'timeout' },
  ): Promise<boolean>;
  byCallId(callId: string): Promise<Call | undefined>;
  /**
   * The operators (user ids) of the account in an answered call that started at `since` or
   * later and has not ended: who is busy talking now (presence).
   */
  operatorsInCall(accountId: string, since: number): Promise<string[]>;
  /** The account's calls, newest first (by start); `from` inclusive, `to` exclusive. */
  list(filter: {
    accountId: string;
    widgetId?: string;
    from?: number;
    to?: number;
    cursor?: Cursor;
    limit: number;
  }): Promise<Page<Call>>;
  /** Every live, active call widget that has a line, of all accounts: what the SIP edge routes. */
  callWidgets(): Promise<Widget[]>;
}
