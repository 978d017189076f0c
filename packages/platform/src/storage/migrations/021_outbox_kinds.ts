/**
 * The outbox learns what each message is about (`kind`: an order's notification, an alert to the
 * account's admins, an embed code, a chat e-mail), so a pass sends order notifications and alerts
 * before the rest; and when a message was given up (`failed_at`; unknown for those given up before). Same conventions as 001.
 */
import { type Kysely, sql } from 'kysely';

/** Adds `kind` and `failed_at` to `outbox`, filling `kind` for the messages already queued. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('outbox')
    // SQLite adds a NOT NULL column only with a default; the store always writes the kind.
    .addColumn('kind', 'text', (c) =>
      c.notNull().defaultTo('chat').check(sql`kind in ('order', 'alert', 'embed', 'chat')`),
    )
    .execute();
  await db.schema.alterTable('outbox').addColumn('failed_at', 'bigint').execute();
  // Until now only orders had an order id, and embed codes were the only other e-mails but the chat's.
  await sql`update outbox set kind = case
      when order_id is not null then 'order'
      when subject like 'Chat message out of hours:%' then 'chat'
      else 'embed' end`.execute(db);
}
