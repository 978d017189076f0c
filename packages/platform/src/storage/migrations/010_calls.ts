/**
 * Calls from the site, as the SIP edge (Kamailio) reports them: a row per INVITE a visitor placed
 * to a widget's line, with its answer and end. The visitor cannot forge these rows: they come
 * from Kamailio over loopback with the edge's secret, never from a browser. The page, UTM tags and
 * time zone are what the widget said when it asked for credentials (the visitor's own word).
 * Same conventions as 001: epoch milliseconds in BIGINT, named constraints. Columns are named
 * like those of `orders`, so the `call_history` view can take calls in with a `union all`.
 */
import { type Kysely, sql } from 'kysely';

/** Creates `calls`. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('calls')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The SIP Call-ID: Kamailio's events name the call by it.
    .addColumn('call_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('widget_id', 'text', (c) => c.notNull().references('widgets.id'))
    // The widget's name when the call came in: the history's "who called".
    .addColumn('widget_name', 'text', (c) => c.notNull())
    // `line12345@vpbx…`: what was dialled.
    .addColumn('line', 'text', (c) => c.notNull())
    .addColumn('visitor_id', 'text', (c) => c.notNull())
    .addColumn('page_url', 'text')
    .addColumn('page_title', 'text')
    .addColumn('utm_source', 'text')
    .addColumn('utm_medium', 'text')
    .addColumn('utm_campaign', 'text')
    .addColumn('utm_term', 'text')
    .addColumn('utm_content', 'text')
    .addColumn('visitor_time_zone', 'text')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`status in ('ringing', 'answered', 'completed', 'unavailable', 'no_answer', 'busy', 'declined', 'cancelled', 'failed')`,
        ),
    )
    // The final SIP status of a call that was not answered (480, 486, 487, …).
    .addColumn('sip_code', 'integer')
    // No foreign key: deleting a user must not rewrite or block the history of what they did.
    .addColumn('operator_id', 'text')
    .addColumn('operator_name', 'text')
    .addColumn('ended_by', 'text', (c) =>
      c.check(sql`ended_by in ('visitor', 'operator', 'timeout')`),
    )
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('answered_at', 'bigint')
    .addColumn('ended_at', 'bigint')
    .addUniqueConstraint('calls_call_id_unique', ['call_id'])
    .execute();
  await db.schema
    .createIndex('calls_account_id_started_at')
    .on('calls')
    .columns(['account_id', 'started_at'])
    .execute();
  await db.schema
    .createIndex('calls_widget_id_started_at')
    .on('calls')
    .columns(['widget_id', 'started_at'])
    .execute();
}
