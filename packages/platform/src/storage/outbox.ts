/**
 * The outbox: e-mails and SMS stored in the transaction of what caused them, sent later by the
 * dispatcher. A message is claimed (pending → sending, one attempt counted) by one process with a
 * conditional UPDATE, then settled by that claimer: sent, back to pending with a retry time, or
 * failed. A claim left in `sending` by a process that died is taken again after a lease.
 */
import { randomUUID } from 'node:crypto';
import type { ExpressionBuilder, Kysely, Updateable } from 'kysely';
import type { Database } from './database';
import { olderThan, pageOf } from './keyset';
import { skipLocked } from './skip-locked';
import { assertStorableText } from './storable-values';
import type { OutboxRow, Tables } from './tables';
import type { NewOutboxMessage, OutboxMessage, Store } from './types';

/** The outbox of {@link createStore}. */
export function outboxRepository(db: Kysely<Tables>, engine: Database['engine']): Store['outbox'] {
  return {
    async queue({ accountId, messages, now }) {
      await queueMessages(db, { accountId, orderId: null, messages, now });
    },

    async claim({ channels, now, by, staleBefore, limit }) {
      if (channels.length === 0) return [];
      const due = (eb: ExpressionBuilder<Tables, 'outbox'>) =>
        eb.and([
          eb('channel', 'in', channels),
          eb.or([
            eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
            eb.and([eb('status', '=', 'sending'), eb('claimed_at', '<=', staleBefore)]),
          ]),
        ]);
      const rows = await db.transaction().execute((trx) =>
        trx
          .updateTable('outbox')
          .set({ status: 'sending', claimed_by: by, claimed_at: now })
          .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
          .where(due)
          .where('id', 'in', (eb) =>
            eb
              .selectFrom('outbox')
              .select('id')
              .where(due)
              .orderBy('next_attempt_at')
              .limit(limit)
              .$call(skipLocked(engine)),
          )
          .returningAll()
          .execute(),
      );
      return rows.sort((a, b) => a.next_attempt_at - b.next_attempt_at).map(toMessage);
    },

    async settle(id, by, outcome) {
      const values: Updateable<OutboxRow> =
        outcome.status === 'sent'
          ? { status: 'sent', sent_at: outcome.at }
          : outcome.status === 'pending'
            ? { status: 'pending', last_error: outcome.error, next_attempt_at: outcome.retryAt }
            : { status: 'failed', last_error: outcome.error };
      const result = await db
        .updateTable('outbox')
        .set(values)
        .where('id', '=', id)
        .where('status', '=', 'sending')
        .where('claimed_by', '=', by)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async list({ accountId, status, orderId, cursor, limit }) {
      const rows = await db
        .selectFrom('outbox')
        .selectAll()
        .where('account_id', '=', accountId)
        .$if(status !== undefined, (qb) => qb.where('status', '=', status ?? 'pending'))
        .$if(orderId !== undefined, (qb) => qb.where('order_id', '=', orderId ?? ''))
        .$if(cursor !== undefined, (qb) =>
          qb.where(olderThan('created_at', 'id', cursor ?? { at: 0, id: '' })),
        )
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .execute();
      return pageOf(rows, limit, toMessage, (row) => ({ at: row.created_at, id: row.id }));
    },
  };
}

/**
 * Queues `messages` in the transaction that stores what they are about, due now or at `notBefore`.
 * @returns their ids.
 */
export async function queueMessages(
  db: Kysely<Tables>,
  input: {
    accountId: string;
    orderId: string | null;
    messages: NewOutboxMessage[];
    now: number;
    notBefore?: number;
  },
): Promise<string[]> {
  if (input.messages.length === 0) return [];
  const rows: OutboxRow[] = input.messages.map((message) => {
    assertStorableText('recipient', message.recipient);
    if (message.subject !== null) assertStorableText('subject', message.subject);
    assertStorableText('body', message.body);
    return {
      id: randomUUID(),
      account_id: input.accountId,
      order_id: input.orderId,
      channel: message.channel,
      recipient: message.recipient,
      subject: message.subject,
      body: message.body,
      status: 'pending',
      attempts: 0,
      next_attempt_at: input.notBefore ?? input.now,
      claimed_by: null,
      claimed_at: null,
      last_error: null,
      sent_at: null,
      created_at: input.now,
    };
  });
  await db.insertInto('outbox').values(rows).execute();
  return rows.map((row) => row.id);
}

function toMessage(row: OutboxRow): OutboxMessage {
  return {
    id: row.id,
    accountId: row.account_id,
    orderId: row.order_id,
    channel: row.channel,
    recipient: row.recipient,
    subject: row.subject,
    body: row.body,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    sentAt: row.sent_at,
    createdAt: row.created_at,
  };
}
