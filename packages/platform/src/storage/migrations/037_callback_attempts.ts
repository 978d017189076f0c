/**
 * The automatic callback's attempts: each call the platform places for an order is a row of
 * `calls` naming its order (`order_id`) and the visitor's number it dialled (`caller`), and the
 * order counts its attempts (`attempts`). In the call history such an attempt is a trunk call
 * (it went through a trunk) whose caller is the visitor's number and whose dialled number is the
 * widget's name, as an order's is. Same conventions as 001; the computed columns are cast, so
 * that SQLite still merges the two arms' ordered index scans (see 034).
 */
import { type Kysely, sql } from 'kysely';
import { CALL_RESULT } from './034_call_history_results';
import { CALLS as CALLS_036, ORDERS } from './036_call_history_trunks';

const CALLS = sql`
  select case when trunk_id is not null or fail_reason = 'trunk_unavailable' then 'trunk'
      else 'call' end as kind,
    id, account_id, widget_id, cast(coalesce(caller, widget_name) as text) as caller,
    cast(null as text) as caller_name,
    cast(case when order_id is null then line else widget_name end as text) as dialled, line,
    status,
    ${CALL_RESULT} as result,
    started_at as at, cast(null as bigint) as slot_at, answered_at, ended_at, operator_id,
    operator_name, page_url, page_title, utm_source, utm_medium, utm_campaign,
    cast(null as text) as note, visitor_time_zone, fail_reason, answered_number, trunk_id
  from calls`;

/** Adds `calls.order_id`, `calls.caller`, `orders.attempts`; the view shows attempts. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('calls').addColumn('order_id', 'text').execute();
  await db.schema.alterTable('calls').addColumn('caller', 'text').execute();
  await db.schema
    .alterTable('orders')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('calls_order_id').on('calls').column('order_id').execute();
  await sql`drop view call_history`.execute(db);
  await sql`create view call_history as ${ORDERS} union all ${CALLS}`.execute(db);
}

/** Back to 036. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop view call_history`.execute(db);
  await sql`create view call_history as ${ORDERS} union all ${CALLS_036}`.execute(db);
  await db.schema.dropIndex('calls_order_id').execute();
  await db.schema.alterTable('orders').dropColumn('attempts').execute();
  await db.schema.alterTable('calls').dropColumn('caller').execute();
  await db.schema.alterTable('calls').dropColumn('order_id').execute();
}
