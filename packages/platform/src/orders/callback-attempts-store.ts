/**
 * The automatic callback's attempts in the store: each call the platform placed for an order is
 * recorded in one transaction — a row of `calls` (the call history), an event of the order, and
 * what comes next: the order done (answered), its due task due again (a retry), or, after the
 * last attempt, the task fired and the staff's e-mails and SMS queued (the console card rings).
 * Only the claim the attempt was made under moves the order and its task, so a process whose claim
 * was taken over records its call and changes nothing else.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CallRow } from '../calls/calls-store';
import { queueMessages } from '../outbox';
import type { Tables } from '../storage/tables';
import type { CallbackAttempt, RecordedAttempt } from './order-records';
import { insertEvent, toOrder } from './order-rows';

/** What each result is called in the order's events. */
const SAID = {
  answered: 'answered',
  visitor_busy: "the visitor's line was busy",
  visitor_no_answer: 'the visitor did not answer',
  addressee_unanswered: 'the addressee did not answer',
  failed: 'the call failed',
} as const;

/** Records one attempt (see the file's comment). */
export async function recordAttempt(
  db: Kysely<Tables>,
  input: CallbackAttempt,
): Promise<RecordedAttempt> {
  const { outcome, now } = input;
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('orders')
      .selectAll()
      .where('id', '=', input.orderId)
      .executeTakeFirstOrThrow();
    const answered = outcome.result === 'answered';
    const call: CallRow = {
      id: randomUUID(),
      call_id: `callback-${randomUUID()}`,
      account_id: row.account_id,
      widget_id: row.widget_id,
      widget_name: row.widget_name,
      line: row.outgoing_number ?? '',
      visitor_id: '',
      page_url: row.page_url,
      page_title: row.page_title,
      utm_source: row.utm_source,
      utm_medium: row.utm_medium,
      utm_campaign: row.utm_campaign,
      utm_term: row.utm_term,
      utm_content: row.utm_content,
      visitor_time_zone: row.visitor_time_zone,
      status: answered
        ? 'completed'
        : outcome.result === 'visitor_busy'
          ? 'busy'
          : outcome.result === 'failed'
            ? 'failed'
            : 'no_answer',
      sip_code: outcome.sipCode ?? null,
      operator_id: answered ? (input.operator?.id ?? null) : null,
      operator_name: answered ? (input.operator?.name ?? null) : null,
      answered_number: answered ? row.phone : null,
      trunk_id: input.trunkId,
      fail_reason: outcome.sipCode === 502 ? 'trunk_unavailable' : null,
      ended_by: null,
      started_at: input.startedAt,
      answered_at: outcome.answeredAt ?? null,
      ended_at: outcome.endedAt ?? now,
      handled_at: null,
      handled_by_name: null,
      order_id: row.id,
      caller: row.phone,
    };
    await trx.withTables<{ calls: CallRow }>().insertInto('calls').values(call).execute();

    const claimed = await trx
      .selectFrom('due_tasks')
      .select('id')
      .where('id', '=', input.taskId)
      .where('claimed_by', '=', input.claimedBy)
      .where('fired_at', 'is', null)
      .executeTakeFirst();
    if (!claimed || row.status !== 'ringing') {
      // Taken over, or an operator took the order meanwhile: the call is history, nothing more.
      if (claimed) {
        await trx
          .updateTable('due_tasks')
          .set({ fired_at: now })
          .where('id', '=', input.taskId)
          .execute();
      }
      return { next: 'none', attempt: row.attempts + 1, order: toOrder(row) };
    }
    const attempt = row.attempts + 1;
    const last = attempt >= input.maxAttempts;
    const next: RecordedAttempt['next'] = answered ? 'done' : last ? 'fallback' : 'retry';
    const seconds = Math.round(
      (outcome.talkMs ?? (outcome.endedAt ?? now) - (outcome.answeredAt ?? now)) / 1000,
    );
    const said =
      outcome.result === 'answered'
        ? `answered, talked ${seconds} s`
        : outcome.sipCode && outcome.result === 'failed'
          ? `${SAID[outcome.result]} (SIP ${outcome.sipCode})`
          : SAID[outcome.result];
    const then =
      next === 'retry'
        ? `; calling again in ${Math.round(input.retryAfterMs / 60_000)} min`
        : next === 'fallback'
          ? '; the operators and the staff notified take it over'
          : '';
    const note = `Attempt ${attempt} of ${input.maxAttempts}: ${said}${then}`;
    const updated = await trx
      .updateTable('orders')
      .set({
        attempts: attempt,
        ...(answered
          ? {
              status: 'done' as const,
              done_at: now,
              operator_id: input.operator?.id ?? null,
              operator_name: input.operator?.name ?? null,
              note,
            }
          : {}),
      })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await insertEvent(trx, {
      order_id: row.id,
      status: answered ? 'done' : 'ringing',
      at: now,
      note,
    });
    await trx
      .updateTable('due_tasks')
      .set(
        next === 'retry'
          ? {
              due_at: now + input.retryAfterMs,
              claimed_by: null,
              claimed_at: null,
              fired_at: null,
            }
          : { fired_at: now },
      )
      .where('id', '=', input.taskId)
      .execute();
    if (next === 'fallback') {
      await queueMessages(trx, {
        accountId: row.account_id,
        orderId: row.id,
        kind: 'order',
        messages: input.fallback,
        now,
      });
    }
    return { next, attempt, order: toOrder(updated) };
  });
}

/** Renews a claim while its attempt is on the line, so no other process takes it over. */
export async function renewClaim(
  db: Kysely<Tables>,
  taskId: string,
  by: string,
  now: number,
): Promise<void> {
  await db
    .updateTable('due_tasks')
    .set({ claimed_at: now })
    .where('id', '=', taskId)
    .where('claimed_by', '=', by)
    .where('fired_at', 'is', null)
    .execute();
}
