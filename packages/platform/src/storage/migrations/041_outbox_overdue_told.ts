/**
 * The outbox remembers when the admins were told a message is overdue (`overdue_told_at`), so
 * they are told once even when the attempt that made it overdue never settled (its process died
 * mid-send): the next attempt that fails tells them. Same conventions as 001.
 */
import { type Kysely, sql } from 'kysely';

/** Adds `overdue_told_at` to `outbox`; the messages already overdue were told (or missed) before. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('overdue_told_at', 'bigint').execute();
  // 12 was OVERDUE_ATTEMPTS when this was written; telling of these now would be news of old.
  // A message in `sending` counts the attempt under way, which has not failed yet.
  await sql`update outbox set overdue_told_at = coalesce(claimed_at, created_at)
    where (status = 'pending' and attempts >= 12) or (status = 'sending' and attempts > 12)`.execute(
    db,
  );
}

/** Drops `overdue_told_at`. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outbox').dropColumn('overdue_told_at').execute();
}
