/**
 * Accounts, users, operator groups, sessions, widgets and the SIP lines they own. Times are epoch
 * milliseconds in BIGINT (INTEGER affinity on SQLite); booleans 0/1; settings JSON as TEXT, which
 * keeps strings byte for byte (jsonb would reorder keys). Unique constraints are named so errors can
 * be recognised (constraint-violation.ts). `seq` (insertion order, see insertion-order.ts) breaks
 * ties of `created_at` in lists, the same way on both engines.
 */
import { type Kysely, sql } from 'kysely';

/** Creates the core tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sip_domain', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    // Two accounts on one SIP domain would make their line addresses ambiguous.
    .addUniqueConstraint('accounts_sip_domain_unique', ['sip_domain'])
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    // Stored lower-cased by the store, so this constraint is case-insensitive uniqueness.
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('admin', 'marketer', 'operator')`),
    )
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('photo_url', 'text')
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('users_email_unique', ['email'])
    .execute();
  await db.schema.createIndex('users_account_id').on('users').column('account_id').execute();
  await db.schema.createIndex('users_seq').on('users').column('seq').execute();

  await db.schema
    .createTable('groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('groups_account_id').on('groups').column('account_id').execute();
  await db.schema.createIndex('groups_seq').on('groups').column('seq').execute();

  await db.schema
    .createTable('group_members')
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('group_members_pkey', ['group_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('group_members_user_id')
    .on('group_members')
    .column('user_id')
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user_id').on('sessions').column('user_id').execute();
  await db.schema.createIndex('sessions_expires_at').on('sessions').column('expires_at').execute();

  await db.schema
    .createTable('widgets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    // Unique among deleted widgets too: an old snippet must never reach a different widget.
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().check(sql`active in (0, 1)`))
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('sip_line', 'text')
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('deleted_at', 'bigint')
    .addColumn('delete_reason', 'text')
    .addUniqueConstraint('widgets_key_unique', ['key'])
    .execute();
  await db.schema
    .createIndex('widgets_account_id_created_at')
    .on('widgets')
    .columns(['account_id', 'created_at'])
    .execute();
  await db.schema.createIndex('widgets_seq').on('widgets').column('seq').execute();

  // Every line an account ever had: rows are released, never deleted, so numbers are never reused.
  await db.schema
    .createTable('sip_lines')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('line', 'text', (c) => c.notNull())
    .addColumn('widget_id', 'text', (c) => c.notNull().references('widgets.id'))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('released_at', 'bigint')
    .addPrimaryKeyConstraint('sip_lines_pkey', ['account_id', 'line'])
    .execute();
  await db.schema.createIndex('sip_lines_widget_id').on('sip_lines').column('widget_id').execute();
}
