/**
 * The outbox: e-mails and SMS stored in the transaction of what caused them, sent later by the
 * dispatcher. A message is claimed (pending → sending, one attempt counted) by one process with a
 * conditional UPDATE, then settled by that claim: sent, back to pending with a retry time, or
 * failed. A claim left in `sending` by a process that died is taken again after a lease. The
 * attempt count fences claims: a settle names the attempt it claimed, so a pass whose lease ran
 * out (its message claimed again since) changes nothing, whatever it reports and whenever. A
 * rate-limited attempt is given back as it settles; the fence holds, as the claim whose number
 * the next one takes again has settled already.
 */
import { randomUUID } from 'node:crypto';
import type { ExpressionBuilder, Kysely, Updateable } from 'kysely';
import type { Database } from '../storage/database';
import { olderThan, pageOf } from '../storage/keyset';
import { skipLocked } from '../storage/skip-locked';
import { assertStorableText } from '../storage/storable-values';
import type { Store } from '../storage/store';
import type { OutboxRow, Tables } from '../storage/tables';
import { platformTexts } from '../texts';
import type { NewOutboxMessage, OutboxKind, OutboxMessage } from './outbox-records';

/**
 * Which kinds go first when more are due than a pass takes: a flood of chat e-mails must not
 * hold back the notification of an order, nor an alert about one that was lost.
 */
const PRIORITY: Readonly<Record<OutboxKind, number>> = { order: 0, alert: 0, embed: 1, chat: 2 };

/** The outbox of {@link createStore}. */
export function outboxRepository(db: Kysely<Tables>, engine: Database['engine']): Store['outbox'] {
  return {
    async queue({ accountId, kind, messages, now }) {
      await queueMessages(db, { accountId, orderId: null, kind, messages, now });
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
      const priority = (eb: ExpressionBuilder<Tables, 'outbox'>) => {
        const [first, ...rest] = Object.entries(PRIORITY) as [OutboxKind, number][];
        if (!first) throw new Error('no outbox kinds');
        let cases = eb.case().when('kind', '=', first[0]).then(first[1]);
        for (const [kind, rank] of rest) cases = cases.when('kind', '=', kind).then(rank);
        return cases.end();
      };
      // Pick, then update the picked rows: inside an UPDATE, PostgreSQL may run a LIMIT
      // subquery again for each row (each run then finds the next rows due), claiming far more
      // than `limit`. The pick's rows stay locked until the commit (`for update` on PostgreSQL,
      // `begin immediate` on SQLite), so they are still due when updated.
      const rows = await db.transaction().execute(async (trx) => {
        const picked = await trx
          .selectFrom('outbox')
          .select('id')
          .where(due)
          .orderBy(priority)
          .orderBy('next_attempt_at')
          .limit(limit)
          .$call(skipLocked(engine))
          .execute();
        if (picked.length === 0) return [];
        return trx
          .updateTable('outbox')
          .set({ status: 'sending', claimed_by: by, claimed_at: now })
          .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
          .where(
            'id',
            'in',
            picked.map((row) => row.id),
          )
          .returningAll()
          .execute();
      });
      return rows
        .sort(
          (a, b) => PRIORITY[a.kind] - PRIORITY[b.kind] || a.next_attempt_at - b.next_attempt_at,
        )
        .map(toMessage);
    },

    async settle(claimed, by, outcome) {
      const values: Updateable<OutboxRow> =
        outcome.status === 'sent'
          ? { status: 'sent', sent_at: outcome.at }
          : outcome.status === 'pending'
            ? { status: 'pending', last_error: outcome.error, next_attempt_at: outcome.retryAt }
            : { status: 'failed', last_error: outcome.error, failed_at: outcome.at };
      const rateLimited = outcome.status === 'pending' && outcome.rateLimited === true;
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .updateTable('outbox')
          .set(values)
          // A rate limit's wait is the provider's pace, not a failed attempt.
          .$if(rateLimited, (qb) => qb.set((eb) => ({ attempts: eb('attempts', '-', 1) })))
          .where('id', '=', claimed.id)
          .where('status', '=', 'sending')
          .where('claimed_by', '=', by)
          .where('attempts', '=', claimed.attempts)
          .returningAll()
          .executeTakeFirst();
        if (!row) return false;
        if (row.kind === 'alert') return true;
        // The fence settles each attempt once: a message given up is told of once.
        if (outcome.status === 'failed') await alertAdmins(trx, row, outcome.at);
        // Every attempt past the overdue mark reports it; the first one settled tells of it.
        if (outcome.status === 'pending' && outcome.overdueAt !== undefined) {
          const told = await trx
            .updateTable('outbox')
            .set({ overdue_told_at: outcome.overdueAt })
            .where('id', '=', row.id)
            .where('overdue_told_at', 'is', null)
            .executeTakeFirst();
          if (told.numUpdatedRows > 0n) await alertAdmins(trx, row, outcome.overdueAt);
        }
        return true;
      });
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
    kind: OutboxKind;
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
      kind: input.kind,
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
      failed_at: null,
      overdue_told_at: null,
      created_at: input.now,
    };
  });
  await db.insertInto('outbox').values(rows).execute();
  return rows.map((row) => row.id);
}

/**
 * Queues one e-mail per admin of the account saying that `failed` could not be delivered, and
 * why: given up, or still tried (`pending`, overdue).
 */
async function alertAdmins(db: Kysely<Tables>, failed: OutboxRow, now: number): Promise<void> {
  const admins = await db
    .selectFrom('users')
    .select('email')
    .where('account_id', '=', failed.account_id)
    .where('role', '=', 'admin')
    .orderBy('seq')
    .execute();
  // In the account's language, as everything the platform writes for it.
  const account = await db
    .selectFrom('accounts')
    .select('language')
    .where('id', '=', failed.account_id)
    .executeTakeFirst();
  const t = platformTexts[account?.language ?? 'ru'].alert;
  const what = failed.channel === 'email' ? t.email(failed.subject ?? '') : t.sms;
  // A message still tried is neither given up nor listed as failed.
  const givenUp = failed.status === 'failed';
  const body = [
    t.notDelivered(what, failed.recipient),
    givenUp ? t.gaveUp(failed.attempts) : t.stillTrying(failed.attempts),
    t.lastError(failed.last_error),
    t.queued(new Date(failed.created_at).toISOString()),
    ...(failed.order_id ? [t.order(failed.order_id)] : []),
    ...(givenUp ? ['', t.listed] : []),
  ].join('\n');
  await queueMessages(db, {
    accountId: failed.account_id,
    // Not the order's: its notifications list the staff it told, not the admins told of a loss.
    orderId: null,
    kind: 'alert',
    messages: admins.map(({ email }) => ({
      channel: 'email',
      recipient: email,
      subject: t.subject(failed.channel, failed.recipient),
      body,
    })),
    now,
  });
}

function toMessage(row: OutboxRow): OutboxMessage {
  return {
    id: row.id,
    accountId: row.account_id,
    orderId: row.order_id,
    kind: row.kind,
    channel: row.channel,
    recipient: row.recipient,
    subject: row.subject,
    body: row.body,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    sentAt: row.sent_at,
    failedAt: row.failed_at,
    createdAt: row.created_at,
  };
}
