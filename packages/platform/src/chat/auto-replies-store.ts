/**
 * Auto-replies due for open enquiries, stored when the enquiry starts (so a restart loses none).
 * Firing one is a single transaction that locks its conversation first (its visitor's row, then
 * its own: the order every send takes) — then marks the row fired only if it is still pending: with several processes trying
 * the same row, one stores the message and the others find it fired. No claim lease is needed:
 * the message and the mark commit together or not at all.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../storage/database';
import { retriedTransaction } from '../storage/retried-transaction';
import type { Tables } from '../storage/tables';
import type { ChatStore } from './chat-records';
import { lockConversation } from './conversations-store';
import { appendMessage, withConversation } from './messages-store';

/** The auto-replies of {@link createStore}. */
export function chatAutoRepliesRepository(
  db: Kysely<Tables>,
  engine: Database['engine'],
): ChatStore['chatAutoReplies'] {
  return {
    async due(now, limit) {
      const rows = await db
        .selectFrom('chat_auto_replies')
        .select('id')
        .where('fired_at', 'is', null)
        .where('cancelled_at', 'is', null)
        .where('due_at', '<=', now)
        .orderBy('due_at')
        .limit(limit)
        .execute();
      return rows.map((row) => row.id);
    },

    async fire(id, { now, by }) {
      const stored = await retriedTransaction(db, async (trx) => {
        const pending = await trx
          .selectFrom('chat_auto_replies')
          .select('conversation_id')
          .where('id', '=', id)
          .executeTakeFirst();
        if (!pending) return undefined;
        const conversation = await lockConversation(trx, engine, pending.conversation_id);
        const reply = await trx
          .selectFrom('chat_auto_replies')
          .selectAll()
          .where('id', '=', id)
          .where('fired_at', 'is', null)
          .where('cancelled_at', 'is', null)
          .executeTakeFirst();
        if (!reply || !conversation) return undefined;
        // The operator answered (or the chat closed) after the row was written: never fire.
        if (
          conversation.status !== 'open' ||
          conversation.enquiry_started_at !== reply.enquiry_started_at
        ) {
          await trx
            .updateTable('chat_auto_replies')
            .set({ cancelled_at: now })
            .where('id', '=', id)
            .execute();
          return undefined;
        }
        await trx
          .updateTable('chat_auto_replies')
          .set({ fired_at: now, fired_by: by })
          .where('id', '=', id)
          .execute();
        const message = await appendMessage(trx, conversation, {
          client_id: `auto-${id}`,
          author: 'auto',
          operator_id: null,
          operator_name: null,
          operator_photo_url: null,
          text: reply.text,
          at: now,
        });
        return { message, replayed: false };
      });
      return stored && withConversation(db, stored);
    },
  };
}
