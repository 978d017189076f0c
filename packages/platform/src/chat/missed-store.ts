/**
 * Missed enquiries (issue 23): a chat enquiry nobody answered in time, a site call that rang out,
 * a callback order past its time. Chats and orders stop being missed by what handles them (a
 * reply or closing; accepting or closing the order); a call by being marked handled.
 */
import type { Kysely } from 'kysely';
import type { Call, CallStatus } from '../calls';
import { type CallRow, toCall } from '../calls';
import type { Order } from '../orders';
import { toOrder } from '../orders';
import { assertStorableTime } from '../storage/storable-values';
import type { Tables } from '../storage/tables';
import type { Conversation, ConversationViewer } from './chat-records';
import { seenBy, toConversation, viewQuery } from './conversations-store';

/** Call states of a call nobody answered. */
export const RANG_OUT: readonly CallStatus[] = [
  'unavailable',
  'no_answer',
  'busy',
  'declined',
  'cancelled',
];

/** Most missed items of each kind a list holds. */
const LIST_LIMIT = 200;

/** The missed part of the store. */
export interface MissedStore {
  missed: {
    /**
     * The account's missed enquiries at `now`, each kind newest first: open chats whose enquiry
     * waited `afterMs` unanswered, calls that rang out not yet handled, orders not taken
     * `afterMs` after their time (their slot, or when they came for "call me now"). With
     * `viewer`, only the chats the viewer may see, filtered before the limit.
     */
    list(
      accountId: string,
      input: { now: number; afterMs: number; viewer?: ConversationViewer },
    ): Promise<{ chats: Conversation[]; calls: Call[]; orders: Order[] }>;
    /** Marks a call that rang out handled; false when it is no such call or handled already. */
    handleCall(
      accountId: string,
      id: string,
      input: { byName: string; now: number },
    ): Promise<boolean>;
    /** Accounts with a chat, an order or a call that became missed in (`from`, `to`]. */
    becameMissed(input: { from: number; to: number; afterMs: number }): Promise<string[]>;
  };
}

/** The missed enquiries of {@link createStore}. */
export function missedRepository(base: Kysely<Tables>): MissedStore['missed'] {
  const db = base.withTables<{ calls: CallRow }>();
  return {
    async list(accountId, { now, afterMs, viewer }) {
      assertStorableTime('now', now);
      const before = now - afterMs;
      const [chats, calls, orders] = await Promise.all([
        viewQuery(db)
          .where('c.account_id', '=', accountId)
          .where('c.status', '=', 'open')
          .where('c.enquiry_started_at', '<=', before)
          .$call(seenBy(viewer))
          .orderBy('c.enquiry_started_at', 'desc')
          .limit(LIST_LIMIT)
          .execute(),
        db
          .selectFrom('calls')
          .selectAll()
          .where('account_id', '=', accountId)
          .where('status', 'in', RANG_OUT)
          .where('handled_at', 'is', null)
          // An automatic callback's attempt is its order's, which stays open if it is missed.
          .where('order_id', 'is', null)
          .orderBy('started_at', 'desc')
          .limit(LIST_LIMIT)
          .execute(),
        db
          .selectFrom('orders')
          .selectAll()
          .where('account_id', '=', accountId)
          .where('status', 'in', ['new', 'ringing'])
          .where((eb) => eb(eb.fn.coalesce('slot_at', 'created_at'), '<=', before))
          .orderBy('created_at', 'desc')
          .limit(LIST_LIMIT)
          .execute(),
      ]);
      return {
        chats: chats.map(toConversation),
        calls: calls.map(toCall),
        orders: orders.map(toOrder),
      };
    },

    async handleCall(accountId, id, { byName, now }) {
      assertStorableTime('now', now);
      const result = await db
        .updateTable('calls')
        .set({ handled_at: now, handled_by_name: byName })
        .where('id', '=', id)
        .where('account_id', '=', accountId)
        .where('status', 'in', RANG_OUT)
        .where('handled_at', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async becameMissed({ from, to, afterMs }) {
      const chats = db
        .selectFrom('conversations')
        .select('account_id')
        .where('status', '=', 'open')
        .where('enquiry_started_at', '>', from - afterMs)
        .where('enquiry_started_at', '<=', to - afterMs);
      const orders = db
        .selectFrom('orders')
        .select('account_id')
        .where('status', 'in', ['new', 'ringing'])
        .where((eb) => eb(eb.fn.coalesce('slot_at', 'created_at'), '>', from - afterMs))
        .where((eb) => eb(eb.fn.coalesce('slot_at', 'created_at'), '<=', to - afterMs));
      const calls = db
        .selectFrom('calls')
        .select('account_id')
        .where('status', 'in', RANG_OUT)
        .where('order_id', 'is', null)
        .where('ended_at', '>', from)
        .where('ended_at', '<=', to);
      const rows = await chats.union(orders).union(calls).execute();
      return rows.map((row) => row.account_id);
    },
  };
}
