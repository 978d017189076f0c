/**
 * When a chat message was published to the operators (`chat:message` handed to socket.io, on
 * every process): set after the emit, so a message whose process died between storing it and
 * telling anyone has none, and the widget's resend of it (same client id) publishes it then.
 * Messages stored before this migration count as published at their time.
 */
import { type Kysely, sql } from 'kysely';

/** Adds `chat_messages.published_at`. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('chat_messages').addColumn('published_at', 'bigint').execute();
  await sql`update chat_messages set published_at = at`.execute(db);
}
