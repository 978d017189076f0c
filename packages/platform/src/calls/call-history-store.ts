import type { Kysely } from 'kysely';
import { utmOf } from '../orders';
import { olderThan, pageOf } from '../storage/keyset';
import type { Store } from '../storage/store';
import type { CallHistoryRow, Tables } from '../storage/tables';
import type { CallHistoryEntry } from './call-records';

/**
 * The call history of {@link createStore}: the `call_history` view, newest first, with the names
 * of the trunks its page's trunk calls went through.
 */
export function callHistoryRepository(db: Kysely<Tables>): Store['callHistory'] {
  return {
    async list({ accountId, cursor, limit, from, to, ...equal }) {
      const columns = {
        widget_id: equal.widgetId,
        status: equal.status,
        line: equal.line,
        operator_id: equal.operatorId,
        result: equal.result,
        kind: equal.channel,
      } as const;
      let query = db.selectFrom('call_history').selectAll().where('account_id', '=', accountId);
      for (const [column, value] of Object.entries(columns)) {
        if (value !== undefined) query = query.where(column as keyof typeof columns, '=', value);
      }
      const rows = await query
        .$if(from !== undefined, (qb) => qb.where('at', '>=', from ?? 0))
        .$if(to !== undefined, (qb) => qb.where('at', '<', to ?? 0))
        .$if(cursor !== undefined, (qb) =>
          qb.where(olderThan('at', 'id', cursor ?? { at: 0, id: '' })),
        )
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .execute();
      // The trunks' names, for the page's trunk calls (a deleted trunk has none).
      const trunkIds = [...new Set(rows.flatMap((row) => (row.trunk_id ? [row.trunk_id] : [])))];
      const names = new Map(
        trunkIds.length === 0
          ? []
          : (
              await db
                .selectFrom('trunks')
                .select(['id', 'name'])
                .where('account_id', '=', accountId)
                .where('id', 'in', trunkIds)
                .execute()
            ).map((trunk) => [trunk.id, trunk.name]),
      );
      return pageOf(
        rows,
        limit,
        (row) => toEntry(row, names),
        (row) => ({ at: row.at, id: row.id }),
      );
    },
  };
}

/** Whole seconds between an answer and the end of a call; an order has no talk time here. */
function durationOf(row: CallHistoryRow): number | null {
  if (row.kind === 'callback' || row.answered_at === null || row.ended_at === null) return null;
  return Math.max(0, Math.round((row.ended_at - row.answered_at) / 1000));
}

function toEntry(row: CallHistoryRow, trunkNames: Map<string, string>): CallHistoryEntry {
  return {
    kind: row.kind,
    id: row.id,
    widgetId: row.widget_id,
    caller: row.caller,
    callerName: row.caller_name,
    dialled: row.dialled,
    line: row.line,
    status: row.status,
    result: row.result,
    at: row.at,
    slot: row.slot_at,
    answeredAt: row.answered_at,
    endedAt: row.ended_at,
    duration: durationOf(row),
    operator:
      row.operator_id === null ? null : { id: row.operator_id, name: row.operator_name ?? '' },
    page: { url: row.page_url, title: row.page_title },
    utm: utmOf(row),
    note: row.note,
    visitorTimeZone: row.visitor_time_zone,
    failReason: row.fail_reason,
    trunk:
      row.trunk_id === null
        ? null
        : {
            id: row.trunk_id,
            name: trunkNames.get(row.trunk_id) ?? null,
            number: row.answered_number,
          },
  };
}
