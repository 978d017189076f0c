/**
 * The replies' outbox: a row per reply to a messenger (queue-delivery.ts), claimed by one
 * process at a time (pending → sending, the attempt counted), then settled by that claimer:
 * sent, pending again with the time of the next try, or failed with the reason. Only the oldest
 * unsent reply of each peer is due, so a peer's replies arrive in the order they were written; a
 * claim left by a process that died is taken again once older than the lease.
 */
import type { ExpressionBuilder, Kysely, Updateable } from 'kysely';
import type { Database } from '../../storage/database';
import { retriedTransaction } from '../../storage/retried-transaction';
import { skipLocked } from '../../storage/skip-locked';
import { assertStorableText, assertStorableTime } from '../../storage/storable-values';
import type { Tables } from '../../storage/tables';
import { lockConversation } from '../conversations-store';
import { appendMessage, withConversation } from '../messages-store';
import { type AllTables, type ChannelDeliveryRow, withChannels } from './channel-tables';
import type { ChannelMark, ChannelStore } from './channel-types';
import { queueDelivery } from './queue-delivery';

/** The deliveries of `store.channels`. */
export function deliveriesRepository(
  base: Kysely<Tables>,
  engine: Database['engine'],
): ChannelStore['deliveries'] {
  const db = withChannels(base);
  return {
    async claim({ messengers, now, by, staleBefore, limit }) {
      assertStorableTime('now', now);
      if (messengers.length === 0) return [];
      const due = (eb: ExpressionBuilder<AllTables, 'channel_deliveries'>) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
          eb.and([eb('status', '=', 'sending'), eb('claimed_at', '<=', staleBefore)]),
        ]);
      const claimed = await db.transaction().execute(async (trx) => {
        const picked = await trx
          .selectFrom('channel_deliveries as d')
          .select('d.message_id')
          .where('d.messenger', 'in', messengers)
          .where((eb) =>
            eb.or([
              eb.and([eb('d.status', '=', 'pending'), eb('d.next_attempt_at', '<=', now)]),
              eb.and([eb('d.status', '=', 'sending'), eb('d.claimed_at', '<=', staleBefore)]),
            ]),
          )
          // The peer's oldest unsent reply only: order within a chat is kept.
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('channel_deliveries as e')
                  .select('e.message_id')
                  .whereRef('e.peer_id', '=', 'd.peer_id')
                  .where('e.status', 'in', ['pending', 'sending'])
                  .where((eb) =>
                    eb.or([
                      eb('e.created_at', '<', eb.ref('d.created_at')),
                      eb.and([
                        eb('e.created_at', '=', eb.ref('d.created_at')),
                        eb('e.seq', '<', eb.ref('d.seq')),
                      ]),
                    ]),
                  ),
              ),
            ),
          )
          .orderBy('d.next_attempt_at')
          .limit(limit)
          .$call(skipLocked(engine))
          .execute();
        if (picked.length === 0) return [];
        return trx
          .updateTable('channel_deliveries')
          .set({ status: 'sending', claimed_by: by, claimed_at: now })
          .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
          .where(
            'message_id',
            'in',
            picked.map((row) => row.message_id),
          )
          .where(due)
          .returning('message_id')
          .execute();
      });
      if (claimed.length === 0) return [];
      const rows = await db
        .selectFrom('channel_deliveries as d')
        .innerJoin('chat_messages as m', 'm.id', 'd.message_id')
        .innerJoin('channel_peers as p', 'p.id', 'd.peer_id')
        .selectAll('d')
        .select(['m.text', 'p.external_id as peer_external_id', 'p.widget_id'])
        .where(
          'd.message_id',
          'in',
          claimed.map((row) => row.message_id),
        )
        .orderBy('d.created_at')
        .orderBy('d.seq')
        .execute();
      return rows.map((row) => ({
        messageId: row.message_id,
        conversationId: row.conversation_id,
        seq: row.seq,
        messenger: row.messenger,
        widgetId: row.widget_id,
        externalId: row.peer_external_id,
        text: row.text,
        keyboard: row.keyboard,
        attempts: row.attempts,
        createdAt: row.created_at,
      }));
    },

    async offerRating({ conversationId, text, now }) {
      assertStorableTime('now', now);
      assertStorableText('text', text);
      const stored = await retriedTransaction(base, async (trx) => {
        const conversation = await lockConversation(trx, engine, conversationId);
        if (
          !conversation ||
          conversation.channel === 'site' ||
          conversation.status !== 'closed' ||
          conversation.rating_offered !== 1 ||
          conversation.rating !== null
        ) {
          return undefined;
        }
        const message = await appendMessage(trx, conversation, {
          client_id: null,
          author: 'system',
          operator_id: null,
          operator_name: null,
          operator_photo_url: null,
          text,
          at: now,
        });
        await queueDelivery(trx, conversation, message, 'rating');
        return { message, replayed: false };
      });
      return stored && withConversation(base, stored);
    },

    async settle(messageId, by, outcome) {
      if (outcome.status !== 'sent') assertStorableText('error', outcome.error);
      const values: Updateable<ChannelDeliveryRow> =
        outcome.status === 'sent'
          ? { status: 'sent', external_id: outcome.externalId, sent_at: outcome.at }
          : outcome.status === 'retry'
            ? { status: 'pending', last_error: outcome.error, next_attempt_at: outcome.retryAt }
            : { status: 'failed', last_error: outcome.error, failed_at: outcome.at };
      const result = await db
        .updateTable('channel_deliveries')
        .set(values)
        // A rate limit's wait is the messenger's pace, not a failed attempt.
        .$if(outcome.status === 'retry' && outcome.rateLimited, (qb) =>
          qb.set((eb) => ({ attempts: eb('attempts', '-', 1) })),
        )
        .where('message_id', '=', messageId)
        .where('status', '=', 'sending')
        .where('claimed_by', '=', by)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async marks(messageIds) {
      const marks = new Map<string, ChannelMark>();
      if (messageIds.length === 0) return marks;
      const [inbound, deliveries] = await Promise.all([
        db
          .selectFrom('channel_inbound as i')
          .innerJoin('channel_peers as p', 'p.id', 'i.peer_id')
          .select(['i.message_id', 'p.messenger'])
          .where('i.message_id', 'in', [...messageIds])
          .execute(),
        db
          .selectFrom('channel_deliveries')
          .select(['message_id', 'messenger', 'status', 'last_error'])
          .where('message_id', 'in', [...messageIds])
          .execute(),
      ]);
      for (const row of inbound) {
        if (row.message_id !== null) marks.set(row.message_id, { channel: row.messenger });
      }
      for (const row of deliveries) {
        marks.set(row.message_id, { channel: row.messenger, delivery: deliveryOf(row) });
      }
      return marks;
    },
  };
}

/** A delivery as the console sees it: a claimed one is still on its way. */
function deliveryOf(
  row: Pick<ChannelDeliveryRow, 'status' | 'last_error'>,
): NonNullable<ChannelMark['delivery']> {
  const status = row.status === 'sending' ? 'pending' : row.status;
  return {
    status,
    ...(row.last_error !== null && status !== 'sent' ? { error: row.last_error } : {}),
  };
}
