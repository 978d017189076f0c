/**
 * Trunk calls in the call history: a call that went through one of the account's trunks to the
 * telephone network — answered by a number there (`trunk_id`, 031), or failed because the trunk
 * was down (`fail_reason` `trunk_unavailable`, 033) — is of kind `trunk`, the history's third
 * channel beside `call` and `callback`. The view also gains why a call failed, the number that
 * answered and the trunk, for a row's details. Orders have none of these (typed nulls, as in 034,
 * so SQLite still merges the two arms' ordered index scans).
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import {
  CALL_RESULT,
  CALLS as CALLS_034,
  ORDER_RESULT,
  ORDERS as ORDERS_034,
} from './034_call_history_results';

export const ORDERS = sql`
  select 'callback' as kind, id, account_id, widget_id, phone as caller, name as caller_name,
    widget_name as dialled, outgoing_number as line, status, ${ORDER_RESULT} as result,
    created_at as at, slot_at, accepted_at as answered_at,
    cast(coalesce(done_at, failed_at) as bigint) as ended_at, operator_id, operator_name,
    page_url, page_title, utm_source, utm_medium, utm_campaign, note, visitor_time_zone,
    cast(null as text) as fail_reason, cast(null as text) as answered_number,
    cast(null as text) as trunk_id
  from orders`;

export const CALLS = sql`
  select case when trunk_id is not null or fail_reason = 'trunk_unavailable' then 'trunk'
      else 'call' end as kind,
    id, account_id, widget_id, widget_name as caller,
    cast(null as text) as caller_name, line as dialled, line, status, ${CALL_RESULT} as result,
    started_at as at, cast(null as bigint) as slot_at, answered_at, ended_at, operator_id,
    operator_name, page_url, page_title, utm_source, utm_medium, utm_campaign,
    cast(null as text) as note, visitor_time_zone, fail_reason, answered_number, trunk_id
  from calls`;

/** `call_history` anew: the `union all` of `orders` and `calls`. */
async function recreate(
  db: Kysely<unknown>,
  orders: RawBuilder<unknown>,
  calls: RawBuilder<unknown>,
) {
  await sql`drop view call_history`.execute(db);
  await sql`create view call_history as ${orders} union all ${calls}`.execute(db);
}

/** Recreates `call_history` with trunk calls, why a call failed, and its trunk and number. */
export const up = (db: Kysely<unknown>): Promise<void> => recreate(db, ORDERS, CALLS);

/** Back to the view of 034. */
export const down = (db: Kysely<unknown>): Promise<void> => recreate(db, ORDERS_034, CALLS_034);
