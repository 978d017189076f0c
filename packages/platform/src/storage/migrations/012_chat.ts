/**
 * The site chat: visitors (known by a token the platform issued, kept only as its SHA-256),
 * their conversations and messages, the contacts they gave, the messenger hand-off tokens and the
 * auto-replies due for an open enquiry. `chat_messages` is unique on (conversation, seq) and on
 * (conversation, client id): a retried send can never make a second message, and two writers can
 * never share a number. Same conventions as 001: epoch milliseconds in BIGINT, booleans 0/1,
 * named constraints.
 */
import { type Kysely, sql } from 'kysely';

/** Creates the chat tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('chat_visitors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('widget_id', 'text', (c) => c.notNull().references('widgets.id'))
    // SHA-256 of the token the widget keeps: a leaked table holds no usable token.
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('chat_visitors_token_hash_unique', ['token_hash'])
    .execute();

  await db.schema
    .createTable('conversations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('widget_id', 'text', (c) => c.notNull().references('widgets.id'))
    .addColumn('visitor_id', 'text', (c) => c.notNull().references('chat_visitors.id'))
    // Copied from the settings when the conversation starts; null = every operator.
    .addColumn('receiver_kind', 'text', (c) => c.check(sql`receiver_kind in ('employee', 'group')`))
    .addColumn('receiver_id', 'text')
    // No foreign key: deleting a user must not rewrite or block the history of what they did.
    .addColumn('assignee_id', 'text')
    .addColumn('assignee_name', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'closed')`))
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addColumn('read_by_operator_seq', 'integer', (c) => c.notNull())
    .addColumn('read_by_visitor_seq', 'integer', (c) => c.notNull())
    // Visitor messages since the last operator reply; the enquiry started with the first of them.
    .addColumn('unanswered', 'integer', (c) => c.notNull())
    .addColumn('enquiry_started_at', 'bigint')
    .addColumn('rating_offered', 'integer', (c) => c.notNull().check(sql`rating_offered in (0, 1)`))
    .addColumn('rating', 'text', (c) =>
      c.check(sql`rating in ('excellent', 'good', 'satisfactory', 'poor')`),
    )
    .addColumn('page_url', 'text')
    .addColumn('page_title', 'text')
    .addColumn('time_zone', 'text')
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('closed_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('conversations_account_id_status')
    .on('conversations')
    .columns(['account_id', 'status', 'started_at'])
    .execute();
  await db.schema
    .createIndex('conversations_visitor_id_started_at')
    .on('conversations')
    .columns(['visitor_id', 'started_at'])
    .execute();

  await db.schema
    .createTable('chat_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    // The sender's id; auto-replies use `auto-<due row id>`, so a repeated firing is refused too.
    .addColumn('client_id', 'text')
    .addColumn('author', 'text', (c) =>
      c.notNull().check(sql`author in ('visitor', 'operator', 'auto', 'system')`),
    )
    .addColumn('operator_id', 'text')
    .addColumn('operator_name', 'text')
    .addColumn('operator_photo_url', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('chat_messages_seq_unique', ['conversation_id', 'seq'])
    .addUniqueConstraint('chat_messages_client_id_unique', ['conversation_id', 'client_id'])
    .execute();

  await db.schema
    .createTable('chat_contacts')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('visitor_id', 'text', (c) => c.notNull().references('chat_visitors.id'))
    .addColumn('name', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('chat_contacts_pkey', ['account_id', 'visitor_id'])
    .execute();

  await db.schema
    .createTable('chat_handoffs')
    // Random, in the deep link: Telegram's start payload allows [A-Za-z0-9_-], 64 at most.
    .addColumn('token', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('widget_id', 'text', (c) => c.notNull().references('widgets.id'))
    .addColumn('visitor_id', 'text', (c) => c.notNull().references('chat_visitors.id'))
    .addColumn('conversation_id', 'text', (c) => c.references('conversations.id'))
    .addColumn('channel', 'text', (c) =>
      c.notNull().check(sql`channel in ('telegram', 'viber', 'vk', 'facebook')`),
    )
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  // One row per auto-reply of an enquiry: the unique key makes "at most once per enquiry" a fact.
  await db.schema
    .createTable('chat_auto_replies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
    .addColumn('enquiry_started_at', 'bigint', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    .addColumn('fired_by', 'text')
    .addColumn('fired_at', 'bigint')
    .addColumn('cancelled_at', 'bigint')
    .addUniqueConstraint('chat_auto_replies_enquiry_unique', [
      'conversation_id',
      'enquiry_started_at',
      'position',
    ])
    .execute();
  await db.schema
    .createIndex('chat_auto_replies_fired_at_due_at')
    .on('chat_auto_replies')
    .columns(['fired_at', 'cancelled_at', 'due_at'])
    .execute();
}
