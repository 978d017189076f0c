/**
 * The way out to the telephone network: SIP trunks per account (their passwords are write-only
 * secrets of owner kind `trunk`, in `secrets`), an employee's external phone, and what answered a
 * call from the site when it was not an operator's console (a number, through a trunk). Same
 * conventions as 001.
 */
import { type Kysely, sql } from 'kysely';

/** Creates `trunks`; adds `users.phone`, `calls.answered_number` and `calls.trunk_id`. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('trunks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    // The provider's SIP proxy.
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('port', 'integer', (c) => c.notNull())
    .addColumn('transport', 'text', (c) =>
      c.notNull().check(sql`transport in ('udp', 'tcp', 'tls')`),
    )
    // The digest username; the password is a secret.
    .addColumn('username', 'text', (c) => c.notNull())
    // 1: the edge registers with the provider (uac module).
    .addColumn('register', 'integer', (c) => c.notNull())
    // E.164 presented as the caller when the widget names none; null: the username.
    .addColumn('caller_id', 'text')
    .addColumn('caller_id_header', 'text', (c) =>
      c.notNull().check(sql`caller_id_header in ('from', 'pai')`),
    )
    .addColumn('max_calls', 'integer', (c) => c.notNull())
    // JSON array of the country calling codes it may dial, e.g. ["7", "375"].
    .addColumn('destinations', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('trunks_account_id').on('trunks').column('account_id').execute();
  // E.164: the employee's desk phone or mobile, rung by the forwarding scheme.
  await db.schema.alterTable('users').addColumn('phone', 'text').execute();
  // The number that answered through a trunk (null: an operator's console or nobody).
  await db.schema.alterTable('calls').addColumn('answered_number', 'text').execute();
  // No foreign key: deleting a trunk must not rewrite the history.
  await db.schema.alterTable('calls').addColumn('trunk_id', 'text').execute();
}
