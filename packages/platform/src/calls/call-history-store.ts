import type { Kysely } from 'kysely';
import { utmOf } from '../orders/order-rows';
import { olderThan, pageOf } from '../storage/keyset';
import type { Store } from '../storage/store';
import type { CallHistoryRow, Tables } from '../storage/tables';
import type { CallHistoryEntry } from './call-records';

/** The call history of {@link createStore}: the `call_history` view, newest first. */
export function callHistoryRepository(db: Kysely<Tables>): Store['callHistory'] {
  return {
    async list({ accountId, widgetId, status, from, to, cursor, limit }) {
      const rows = await db
        .selectFrom('call_history')
        .selectAll()
        .where('account_id', '=', accountId)
        .$if(widgetId !== undefined, (qb) => qb.where('widget_id', '=', widgetId ?? ''))
        .$if(status !== undefined, (qb) => qb.where('status', '=', status ?? ''))
        .$if(from !== undefined, (qb) => qb.where('at', '>=', from ?? 0))
        .$if(to !== undefined, (qb) => qb.where('at', '<', to ?? 0))
        .$if(cursor !== undefined, (qb) =>
          qb.where(olderThan('at', 'id', cursor ?? { at: 0, id: '' })),
        )
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1)
        .execute();
      return pageOf(rows, limit, toEntry, (row) => ({ at: row.at, id: row.id }));
    },
  };
}

function toEntry(row: CallHistoryRow): CallHistoryEntry {
  return {
    kind: row.kind,
    id: row.id,
    widgetId: row.widget_id,
    caller: row.caller,
    callerName: row.caller_name,
    dialled: row.dialled,
    status: row.status,
    at: row.at,
    slot: row.slot_at,
    answeredAt: row.answered_at,
    endedAt: row.ended_at,
    operator:
      row.operator_id === null ? null : { id: row.operator_id, name: row.operator_name ?? '' },
    page: { url: row.page_url, title: row.page_title },
    utm: utmOf(row),
    note: row.note,
  };
}
