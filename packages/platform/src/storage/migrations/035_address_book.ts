/**
 * The address book: one contact per person of an account, whatever they wrote through. A phone
 * (E.164) or an e-mail (lower-cased) belongs to one contact of an account (unique), so the same
 * phone or e-mail is the same contact. `name_search` is the name lower-cased for Russian as well
 * (SQLite's `LIKE` folds ASCII only); `phone_digits` is the phone without its `+`, searched by
 * prefix as a range, which both engines answer from the index. Visitors (browser tokens) and
 * orders point at their contact, so a contact's enquiries follow it across browsers and merges;
 * calls placed with the account's visitor token carry that visitor's id (indexed here).
 */
import type { Kysely } from 'kysely';

/** Creates `contacts`, `contact_visitors` and `orders.contact_id`. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('name', 'text')
    .addColumn('name_search', 'text')
    .addColumn('phone', 'text')
    .addColumn('phone_digits', 'text')
    .addColumn('email', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('contacts_account_id_phone_unique', ['account_id', 'phone'])
    .addUniqueConstraint('contacts_account_id_email_unique', ['account_id', 'email'])
    .execute();
  await db.schema
    .createIndex('contacts_account_id_updated_at')
    .on('contacts')
    .columns(['account_id', 'updated_at', 'id'])
    .execute();
  await db.schema
    .createIndex('contacts_account_id_phone_digits')
    .on('contacts')
    .columns(['account_id', 'phone_digits'])
    .execute();
  await db.schema
    .createTable('contact_visitors')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('visitor_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
    .addPrimaryKeyConstraint('contact_visitors_pk', ['account_id', 'visitor_id'])
    .execute();
  await db.schema
    .createIndex('contact_visitors_contact_id')
    .on('contact_visitors')
    .column('contact_id')
    .execute();
  // A contact's calls are found by its browsers' visitor ids.
  await db.schema.createIndex('calls_visitor_id').on('calls').column('visitor_id').execute();
  await db.schema.alterTable('orders').addColumn('contact_id', 'text').execute();
  await db.schema
    .createIndex('orders_contact_id_created_at')
    .on('orders')
    .columns(['contact_id', 'created_at'])
    .execute();
}

/** Drops the address book. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('orders_contact_id_created_at').execute();
  await db.schema.alterTable('orders').dropColumn('contact_id').execute();
  await db.schema.dropIndex('calls_visitor_id').execute();
  await db.schema.dropTable('contact_visitors').execute();
  await db.schema.dropTable('contacts').execute();
}
