/**
 * Languages: the staff apps speak a user's own (`users.language`, null follows the browser), and
 * what the platform writes for an account — staff e-mails and SMS, the embed-code e-mail — is in
 * the account's (`accounts.language`). Existing accounts get Russian: the product's source and
 * first users are Russian-speaking, and an admin switches an account in one request.
 */
import type { Kysely } from 'kysely';

/** Adds `users.language` (null) and `accounts.language` ('ru'). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('language', 'text').execute();
  await db.schema
    .alterTable('accounts')
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('ru'))
    .execute();
}

/** Back to 037. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('accounts').dropColumn('language').execute();
  await db.schema.alterTable('users').dropColumn('language').execute();
}
