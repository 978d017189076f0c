/**
 * Calls from the site join the call history: the view now lists callback orders and calls in
 * one list. For a call, as the source's call history shows it, the caller is the widget's name
 * (the button the visitor pressed) and the dialled number is its SIP line.
 */
import { type Kysely, sql } from 'kysely';

const ORDERS = sql`
  select 'callback' as kind, id, account_id, widget_id, phone as caller, name as caller_name,
    widget_name as dialled, status, created_at as at, slot_at, accepted_at as answered_at,
    coalesce(done_at, failed_at) as ended_at, operator_id, operator_name, page_url, page_title,
    utm_source, utm_medium, utm_campaign, note
  from orders`;

const CALLS = sql`
  select 'call' as kind, id, account_id, widget_id, widget_name as caller, null as caller_name,
    line as dialled, status, started_at as at, null as slot_at, answered_at, ended_at,
    operator_id, operator_name, page_url, page_title, utm_source, utm_medium, utm_campaign,
    null as note
  from calls`;

/** Recreates `call_history` over orders and calls. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop view call_history`.execute(db);
  await sql`create view call_history as ${ORDERS} union all ${CALLS}`.execute(db);
}

/** Back to orders only. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop view call_history`.execute(db);
  await sql`create view call_history as ${ORDERS}`.execute(db);
}
