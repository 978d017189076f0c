/**
 * The call history's screen and its CSV: the view gains the line, one result for calls and
 * orders alike (`CallResult` of @frontdesk/config) and the visitor's time zone, so the screen's
 * filters are plain `where`s on the view. An order's line is the company number it rings from
 * (automatic mode); a call's is its SIP line. An order still waiting is `open`: whether it was
 * missed depends on the clock, which a view does not read.
 */
import { type Kysely, sql } from 'kysely';

const ORDER_RESULT = sql`case status
    when 'done' then 'answered' when 'accepted' then 'answered' when 'failed' then 'failed'
    else 'open' end`;

const CALL_RESULT = sql`case status
    when 'answered' then 'answered' when 'completed' then 'answered' when 'busy' then 'busy'
    when 'cancelled' then 'cancelled' when 'failed' then 'failed' when 'ringing' then 'open'
    else 'missed' end`;

const ORDERS = sql`
  select 'callback' as kind, id, account_id, widget_id, phone as caller, name as caller_name,
    widget_name as dialled, outgoing_number as line, status, ${ORDER_RESULT} as result,
    created_at as at, slot_at, accepted_at as answered_at,
    coalesce(done_at, failed_at) as ended_at, operator_id, operator_name, page_url, page_title,
    utm_source, utm_medium, utm_campaign, note, visitor_time_zone
  from orders`;

const CALLS = sql`
  select 'call' as kind, id, account_id, widget_id, widget_name as caller, null as caller_name,
    line as dialled, line, status, ${CALL_RESULT} as result, started_at as at, null as slot_at,
    answered_at, ended_at, operator_id, operator_name, page_url, page_title, utm_source,
    utm_medium, utm_campaign, null as note, visitor_time_zone
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

/** Recreates `call_history` with the line, the result and the visitor's zone. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop view call_history`.execute(db);
  await sql`create view call_history as ${ORDERS} union all ${CALLS}`.execute(db);
}

/** Back to the view of 011. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop view call_history`.execute(db);
  await sql`create view call_history as ${OLD_ORDERS} union all ${OLD_CALLS}`.execute(db);
}
