import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Utm } from '../orders';
import { uniqueViolation } from '../storage/constraint-violation';
import { olderThan, pageOf } from '../storage/keyset';
import { assertStorableText, assertStorableTime } from '../storage/storable-values';
import type { Store } from '../storage/store';
import type { Tables } from '../storage/tables';
import { widgetsOf } from '../widgets';
import type { Call, CallFailReason, CallStatus } from './call-records';

/** A row of `calls` (migration 010); times are epoch milliseconds. */
export interface CallRow {
  id: string;
  call_id: string;
  account_id: string;
  widget_id: string;
  widget_name: string;
  line: string;
  visitor_id: string;
  page_url: string | null;
  page_title: string | null;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
  utm_term: string | null;
  utm_content: string | null;
  visitor_time_zone: string | null;
  status: CallStatus;
  sip_code: number | null;
  operator_id: string | null;
  operator_name: string | null;
  /** Migration 031. */
  answered_number: string | null;
  trunk_id: string | null;
  /** Migration 033. */
  fail_reason: CallFailReason | null;
  ended_by: 'visitor' | 'operator' | 'timeout' | null;
  started_at: number;
  answered_at: number | null;
  ended_at: number | null;
  /** A call that rang out, marked handled from the missed list (migration 032). */
  handled_at: number | null;
  handled_by_name: string | null;
  /** An automatic callback's attempt: its order and the visitor's number dialled (migration 037). */
  order_id: string | null;
  caller: string | null;
}

const UTM_TAGS = ['source', 'medium', 'campaign', 'term', 'content'] as const;

/**
 * The calls of {@link createStore}, written from the SIP edge's events. Each change applies only
 * from the state it expects (ringing → answered → completed, or ringing → unanswered), so a
 * repeated or late event changes nothing.
 */
export function callsRepository(base: Kysely<Tables>): Store['calls'] {
  const db = base.withTables<{ calls: CallRow }>();
  const byCallId = async (callId: string) => {
    const row = await db
      .selectFrom('calls')
      .selectAll()
      .where('call_id', '=', callId)
      .executeTakeFirst();
    return row && toCall(row);
  };

  return {
    async start(call) {
      for (const [field, value] of [
        ['callId', call.callId],
        ['widgetName', call.widgetName],
        ['line', call.line],
        ['visitorId', call.visitorId],
        ['page.url', call.page.url],
        ['page.title', call.page.title],
        ['visitorTimeZone', call.visitorTimeZone],
        ...UTM_TAGS.map((tag) => [`utm.${tag}`, call.utm[tag]] as const),
      ] as const) {
        if (typeof value === 'string') assertStorableText(field, value);
      }
      assertStorableTime('startedAt', call.startedAt);
      const row: CallRow = {
        id: randomUUID(),
        call_id: call.callId,
        account_id: call.accountId,
        widget_id: call.widgetId,
        widget_name: call.widgetName,
        line: call.line,
        visitor_id: call.visitorId,
        page_url: call.page.url,
        page_title: call.page.title,
        utm_source: call.utm.source ?? null,
        utm_medium: call.utm.medium ?? null,
        utm_campaign: call.utm.campaign ?? null,
        utm_term: call.utm.term ?? null,
        utm_content: call.utm.content ?? null,
        visitor_time_zone: call.visitorTimeZone,
        status: 'ringing',
        sip_code: null,
        operator_id: null,
        operator_name: null,
        answered_number: null,
        fail_reason: null,
        trunk_id: null,
        ended_by: null,
        started_at: call.startedAt,
        answered_at: null,
        ended_at: null,
        handled_at: null,
        handled_by_name: null,
        order_id: null,
        caller: null,
      };
      try {
        await db.insertInto('calls').values(row).execute();
        return true;
      } catch (error) {
        if (isCallIdTaken(error)) return false;
        throw error;
      }
    },

    async answer(callId, { at, operator, answeredNumber, trunkId }) {
      assertStorableTime('at', at);
      const result = await db
        .updateTable('calls')
        .set({
          status: 'answered',
          answered_at: at,
          operator_id: operator?.id ?? null,
          operator_name: operator?.name ?? null,
          answered_number: answeredNumber ?? null,
          trunk_id: trunkId ?? null,
        })
        .where('call_id', '=', callId)
        .where('status', '=', 'ringing')
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async fail(callId, { at, status, sipCode, reason }) {
      assertStorableTime('at', at);
      const result = await db
        .updateTable('calls')
        .set({ status, sip_code: sipCode, fail_reason: reason ?? null, ended_at: at })
        .where('call_id', '=', callId)
        .where('status', '=', 'ringing')
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async end(callId, { at, by }) {
      assertStorableTime('at', at);
      const result = await db
        .updateTable('calls')
        .set({ status: 'completed', ended_at: at, ended_by: by })
        .where('call_id', '=', callId)
        .where('status', '=', 'answered')
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    byCallId,

    async operatorsInCall(accountId, since) {
      assertStorableTime('since', since);
      const rows = await db
        .selectFrom('calls')
        .select('operator_id')
        .distinct()
        .where('account_id', '=', accountId)
        .where('started_at', '>=', since)
        .where('status', '=', 'answered')
        .where('operator_id', 'is not', null)
        .execute();
      return rows.flatMap((row) => (row.operator_id === null ? [] : [row.operator_id]));
    },

    async list({ accountId, widgetId, from, to, cursor, limit }) {
      const rows = await db
        .selectFrom('calls')
        .selectAll()
        .where('account_id', '=', accountId)
        .$if(widgetId !== undefined, (qb) => qb.where('widget_id', '=', widgetId ?? ''))
        .$if(from !== undefined, (qb) => qb.where('started_at', '>=', from ?? 0))
        .$if(to !== undefined, (qb) => qb.where('started_at', '<', to ?? 0))
        .$if(cursor !== undefined, (qb) =>
          qb.where(olderThan('started_at', 'id', cursor ?? { at: 0, id: '' })),
        )
        .orderBy('started_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .execute();
      return pageOf(rows, limit, toCall, (row) => ({ at: row.started_at, id: row.id }));
    },

    async callWidgets() {
      const rows = await db
        .selectFrom('widgets')
        .selectAll()
        .where('type', '=', 'call')
        .where('active', '=', 1)
        .where('deleted_at', 'is', null)
        .where('sip_line', 'is not', null)
        .orderBy('created_at')
        .orderBy('seq')
        .execute();
      return widgetsOf(db, rows);
    },
  };
}

function isCallIdTaken(error: unknown): boolean {
  if (uniqueViolation(error) !== undefined) return false;
  // PostgreSQL names the constraint; SQLite lists the column.
  const { code, constraint, message } = (
    typeof error === 'object' && error !== null ? error : {}
  ) as { code?: unknown; constraint?: unknown; message?: unknown };
  if (code === '23505') return constraint === 'calls_call_id_unique';
  return code === 'SQLITE_CONSTRAINT_UNIQUE' && String(message).endsWith('calls.call_id');
}

/** The call of a row of `calls`. */
export function toCall(row: CallRow): Call {
  const utm: Utm = {};
  for (const tag of UTM_TAGS) {
    const value = row[`utm_${tag}`];
    if (value !== null) utm[tag] = value;
  }
  return {
    id: row.id,
    callId: row.call_id,
    accountId: row.account_id,
    widgetId: row.widget_id,
    widgetName: row.widget_name,
    line: row.line,
    visitorId: row.visitor_id,
    page: { url: row.page_url, title: row.page_title },
    utm,
    visitorTimeZone: row.visitor_time_zone,
    status: row.status,
    sipCode: row.sip_code,
    operator:
      row.operator_id === null ? null : { id: row.operator_id, name: row.operator_name ?? '' },
    answeredNumber: row.answered_number,
    trunkId: row.trunk_id,
    failReason: row.fail_reason,
    endedBy: row.ended_by,
    startedAt: row.started_at,
    answeredAt: row.answered_at,
    endedAt: row.ended_at,
  };
}
