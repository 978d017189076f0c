/**
 * The files customers send through a messenger (src/chat/channels/attachments/): a row per photo
 * or file, stored with its message (pending), then fetched through the messenger's API by one
 * process at a time — claimed, retried with back-off, stored (its bytes in the row, so every
 * platform process serves them) or failed with the reason the operator reads. Same conventions
 * as 001; the bytes are a BLOB on SQLite and a BYTEA on PostgreSQL.
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';

/** Creates `chat_attachments`. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const binary = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  await db.schema
    .createTable('chat_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('message_id', 'text', (c) => c.notNull().references('chat_messages.id'))
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('widget_id', 'text', (c) => c.notNull().references('widgets.id'))
    // Its place among the message's attachments (0, 1, …).
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('messenger', 'text', (c) =>
      c.notNull().check(sql`messenger in ('telegram', 'viber', 'vk', 'facebook')`),
    )
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('image', 'file')`))
    // What the messenger's fetcher resolves: Telegram's file_id, Viber's or Facebook's media URL.
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('declared_type', 'text')
    .addColumn('declared_size', 'bigint')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('pending', 'fetching', 'stored', 'failed')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_at', 'bigint')
    .addColumn('last_error', 'text')
    // What the bytes turned out to be (checked, never the messenger's word alone).
    .addColumn('content_type', 'text')
    .addColumn('size', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('settled_at', 'bigint')
    // Last: a scan of the other columns need not read the bytes.
    .addColumn('data', sql.raw(binary))
    .addUniqueConstraint('chat_attachments_message_position', ['message_id', 'position'])
    .execute();
  await db.schema
    .createIndex('chat_attachments_status_next_attempt_at')
    .on('chat_attachments')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('chat_attachments_conversation_id')
    .on('chat_attachments')
    .column('conversation_id')
    .execute();
}

/** Drops the table again. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('chat_attachments').execute();
}
