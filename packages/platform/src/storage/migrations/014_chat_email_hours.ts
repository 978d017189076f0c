/**
 * The hour of a conversation's non-working e-mails: when it began, how many of its messages it
 * e-mailed (one by one up to a cap, then into one batch), and the outbox message of that batch.
 * A conversation flooded with messages makes a few e-mails an hour, not one per message.
 */
import type { Kysely } from 'kysely';

/** Adds the e-mail hour to `conversations`. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('conversations')
    .addColumn('email_hour_started_at', 'bigint')
    .execute();
  await db.schema
    .alterTable('conversations')
    .addColumn('email_hour_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // No foreign key: the outbox is the outbox's; this only says which message to add to.
  await db.schema.alterTable('conversations').addColumn('email_batch_id', 'text').execute();
}
