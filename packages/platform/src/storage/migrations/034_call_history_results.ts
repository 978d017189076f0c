/**
 * The call history's screen and its CSV: the view gains the line, one result for calls and
 * orders alike (`CallResult` of @frontdesk/config) and the visitor's time zone, so the screen's
 * filters are plain `where`s on the view; the time indexes gain the id (see TIME_INDEXES). An order's line is the company number it rings from
 * (automatic mode); a call's is its SIP line. An order still waiting is `open`: whether it was
 * missed depends on the clock, which a view does not read.
 */
import { type Kysely, sql } from 'kysely';

export const ORDER_RESULT = sql`case status
    when 'done' then 'answered' when 'accepted' then 'answered' when 'failed' then 'failed'
    else 'open' end`;

export const CALL_RESULT = sql`case status
    when 'answered' then 'answered' when 'completed' then 'answered' when 'busy' then 'busy'
    when 'cancelled' then 'cancelled' when 'failed' then 'failed' when 'ringing' then 'open'
    else 'missed' end`;

// Every column is typed alike in both arms (a bare NULL or a coalesce has no affinity in
// SQLite, hence the casts): only then does SQLite merge the two arms' ordered index scans
// instead of sorting the whole account.
export const ORDERS = sql`
  select 'callback' as kind, id, account_id, widget_id, phone as caller, name as caller_name,
    widget_name as dialled, outgoing_number as line, status, ${ORDER_RESULT} as result,
    created_at as at, slot_at, accepted_at as answered_at,
    cast(coalesce(done_at, failed_at) as bigint) as ended_at, operator_id, operator_name,
    page_url, page_title, utm_source, utm_medium, utm_campaign, note, visitor_time_zone
  from orders`;

export const CALLS = sql`
  select 'call' as kind, id, account_id, widget_id, widget_name as caller,
    cast(null as text) as caller_name, line as dialled, line, status, ${CALL_RESULT} as result,
    started_at as at, cast(null as bigint) as slot_at, answered_at, ended_at, operator_id,
    operator_name, page_url, page_title, utm_source, utm_medium, utm_campaign,
    cast(null as text) as note, visitor_time_zone
  from calls`;

const OLD_ORDERS = sql`
  select 'callback' as kind, id, account_id, widget_id, phone as caller, name as caller_name,
    widget_name as dialled, status, created_at as at, slot_at, accepted_at as answered_at,
    coalesce(done_at, failed_at) as ended_at, operator_id, operator_name, page_url, page_title,
    utm_source, utm_medium, utm_campaign, note
  from orders`;

const OLD_CALLS = sql`
  select 'call' as kind, id, account_id, widget_id, widget_name as caller, null as caller_name,
    line as dialled, status, started_at as at, null as slot_at, answered_at, ended_at,
    operator_id, operator_name, page_url, page_title, utm_source, utm_medium, utm_campaign,
    null as note
  from calls`;

/**
 * The history's order is (time, id), newest first: with the id in the time indexes, both
 * engines merge the two tables' index scans in that order and stop at a page's end, instead of
 * sorting every row of the account (what the bench of 100,000 orders showed). They replace the
 * (account, time) indexes of 002 and 010, which they cover.
 */
const TIME_INDEXES = [
  ['orders', 'orders_account_id_created_at', 'created_at'],
  ['calls', 'calls_account_id_started_at', 'started_at'],
] as const;

/** Recreates `call_history` with the line, the result and the visitor's zone. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop view call_history`.execute(db);
  await sql`create view call_history as ${ORDERS} union all ${CALLS}`.execute(db);
  for (const [table, name, time] of TIME_INDEXES) {
    await db.schema
      .createIndex(`${name}_id`)
      .on(table)
      .columns(['account_id', time, 'id'])
      .execute();
    await db.schema.dropIndex(name).execute();
  }
}

/** Back to the view and the indexes of 011. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [table, name, time] of TIME_INDEXES) {
    await db.schema.createIndex(name).on(table).columns(['account_id', time]).execute();
    await db.schema.dropIndex(`${name}_id`).execute();
  }
  await sql`drop view call_history`.execute(db);
  await sql`create view call_history as ${OLD_ORDERS} union all ${OLD_CALLS}`.execute(db);
}
