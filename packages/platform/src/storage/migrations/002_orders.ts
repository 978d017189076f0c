/**
 * Callback orders and what hangs off them: the idempotency keys they were placed under, the state
 * changes they went through, the e-mails and SMS of manual mode (a persistent outbox), and the
 * due tasks that ring operators in automatic mode. `call_history` is the one list staff read:
 * orders today, calls from the site later (a `union all` in a later migration).
 * Same conventions as 001: epoch milliseconds in BIGINT, booleans 0/1, named constraints.
 */
import { type Kysely, sql } from 'kysely';

/** Creates the order tables and the call history view. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('widget_id', 'text', (c) => c.notNull().references('widgets.id'))
    // The widget's name when the order came in: history shows what the visitor used then.
    .addColumn('widget_name', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('automatic', 'manual')`))
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    // Null for "call me now".
    .addColumn('slot_at', 'bigint')
    .addColumn('consent', 'integer', (c) => c.notNull().check(sql`consent in (0, 1)`))
    .addColumn('page_url', 'text')
    .addColumn('page_title', 'text')
    .addColumn('page_referrer', 'text')
    .addColumn('utm_source', 'text')
    .addColumn('utm_medium', 'text')
    .addColumn('utm_campaign', 'text')
    .addColumn('utm_term', 'text')
    .addColumn('utm_content', 'text')
    .addColumn('visitor_time_zone', 'text')
    // Automatic mode only, copied from the settings when the order came in.
    .addColumn('addressee_kind', 'text', (c) =>
      c.check(sql`addressee_kind in ('employee', 'group', 'account', 'external')`),
    )
    .addColumn('addressee_id', 'text')
    .addColumn('addressee_number', 'text')
    .addColumn('outgoing_number', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('new', 'ringing', 'accepted', 'done', 'failed')`),
    )
    // No foreign key: deleting a user must not rewrite or block the history of what they did.
    .addColumn('operator_id', 'text')
    .addColumn('operator_name', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('ringing_at', 'bigint')
    .addColumn('accepted_at', 'bigint')
    .addColumn('done_at', 'bigint')
    .addColumn('failed_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('orders_account_id_created_at')
    .on('orders')
    .columns(['account_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('orders_widget_id_created_at')
    .on('orders')
    .columns(['widget_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('orders_account_id_status')
    .on('orders')
    .columns(['account_id', 'status'])
    .execute();

  // Kept for good: a browser may retry an order it kept offline days later (same key, same body).
  await db.schema
    .createTable('idempotency_keys')
    .addColumn('widget_id', 'text', (c) => c.notNull().references('widgets.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pkey', ['widget_id', 'key'])
    .execute();

  await db.schema
    .createTable('order_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('order_events_order_id')
    .on('order_events')
    .column('order_id')
    .execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    // Null for messages that are not about an order (the chat's non-working e-mails, later).
    .addColumn('order_id', 'text', (c) => c.references('orders.id'))
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('email', 'sms')`))
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('pending', 'sending', 'sent', 'failed')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_at', 'bigint')
    .addColumn('last_error', 'text')
    .addColumn('sent_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('outbox_status_next_attempt_at')
    .on('outbox')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('outbox_account_id_created_at')
    .on('outbox')
    .columns(['account_id', 'created_at'])
    .execute();
  await db.schema.createIndex('outbox_order_id').on('outbox').column('order_id').execute();

  await db.schema
    .createTable('due_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_at', 'bigint')
    .addColumn('fired_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    // One ring per order: a second task for it could only ever ring twice.
    .addUniqueConstraint('due_tasks_order_id_unique', ['order_id'])
    .execute();
  await db.schema
    .createIndex('due_tasks_claimed_at_due_at')
    .on('due_tasks')
    .columns(['claimed_at', 'due_at'])
    .execute();

  await sql`
    create view call_history as
    select
      'callback' as kind,
      id,
      account_id,
      widget_id,
      phone as caller,
      name as caller_name,
      widget_name as dialled,
      status,
      created_at as at,
      slot_at,
      accepted_at as answered_at,
      coalesce(done_at, failed_at) as ended_at,
      operator_id,
      operator_name,
      page_url,
      page_title,
      utm_source,
      utm_medium,
      utm_campaign,
      note
    from orders
  `.execute(db);
}
