/**
 * Why a call failed when its SIP code alone does not say: `trunk_unavailable` — the trunk to the
 * telephone network was down (its 503, its refusal of our credentials, no answer from it at all),
 * so the visitor was told the line is unavailable. Same conventions as 001.
 */
import type { Kysely } from 'kysely';

/** Adds `calls.fail_reason` (null: the status and SIP code say it all). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('calls').addColumn('fail_reason', 'text').execute();
}
