/**
 * The messenger channels (src/chat/channels/): the customers each messenger knows (peers), the
 * updates already stored (one row per channel credential and external id, whatever the API
 * redelivers), the replies waiting for delivery (a durable outbox per message), the pollers'
 * leases with their fencing numbers, and the hand-off tokens already used. A conversation gains
 * the channel its customer last wrote from: where replies go. Same conventions as 001.
 */
import { type Kysely, sql } from 'kysely';

const MESSENGERS = sql`('telegram', 'viber', 'vk', 'facebook')`;

/** Creates the channel tables and `conversations.channel`. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('conversations')
    .addColumn('channel', 'text', (c) =>
      c
        .notNull()
        .defaultTo('site')
        .check(sql`channel in ('site', 'telegram', 'viber', 'vk', 'facebook')`),
    )
    .execute();

  // A customer in one messenger, as one widget's bot knows them; `visitor_id` is who they are to
  // the chat (the site visitor after a hand-off, else a visitor of their own).
  await db.schema
    .createTable('channel_peers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('widget_id', 'text', (c) => c.notNull().references('widgets.id'))
    .addColumn('messenger', 'text', (c) => c.notNull().check(sql`messenger in ${MESSENGERS}`))
    // Telegram: the private chat's id (the user's id).
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('visitor_id', 'text', (c) => c.notNull().references('chat_visitors.id'))
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('username', 'text')
    .addColumn('phone', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('channel_peers_external_unique', ['widget_id', 'messenger', 'external_id'])
    // At most one peer per messenger in a visitor's conversations of a widget.
    .addUniqueConstraint('channel_peers_visitor_unique', ['widget_id', 'messenger', 'visitor_id'])
    .execute();

  // Updates stored: the key makes "once per (credential, external id)" a fact.
  await db.schema
    .createTable('channel_inbound')
    // `telegram:<bot id>`: the channel credential the update came through.
    .addColumn('credential', 'text', (c) => c.notNull())
    // Telegram: the update_id.
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('peer_id', 'text', (c) => c.notNull().references('channel_peers.id'))
    .addColumn('message_id', 'text', (c) => c.references('chat_messages.id'))
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('channel_inbound_pkey', ['credential', 'external_id'])
    .execute();
  await db.schema
    .createIndex('channel_inbound_message_id')
    .on('channel_inbound')
    .column('message_id')
    .execute();

  // One row per reply to a messenger, queued in the transaction that stores the message.
  await db.schema
    .createTable('channel_deliveries')
    .addColumn('message_id', 'text', (c) => c.primaryKey().references('chat_messages.id'))
    .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('peer_id', 'text', (c) => c.notNull().references('channel_peers.id'))
    .addColumn('messenger', 'text', (c) => c.notNull().check(sql`messenger in ${MESSENGERS}`))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('pending', 'sending', 'sent', 'failed')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_at', 'bigint')
    .addColumn('last_error', 'text')
    // The messenger's id of the sent message.
    .addColumn('external_id', 'text')
    .addColumn('sent_at', 'bigint')
    .addColumn('failed_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    // The buttons the message carries: `rating`, the rating's marks after a closed chat.
    .addColumn('keyboard', 'text', (c) => c.check(sql`keyboard in ('rating')`))
    .execute();
  await db.schema
    .createIndex('channel_deliveries_status_next_attempt_at')
    .on('channel_deliveries')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('channel_deliveries_peer_id_created_at')
    .on('channel_deliveries')
    .columns(['peer_id', 'created_at', 'seq'])
    .execute();
  await db.schema
    .createIndex('channel_deliveries_conversation_id')
    .on('channel_deliveries')
    .column('conversation_id')
    .execute();

  // One poller per credential across processes: whoever holds the lease; `fence` rises with
  // every new holder, and the cursor moves only `where fence = <the holder's>`.
  await db.schema
    .createTable('channel_leases')
    .addColumn('credential', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('fence', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    // Telegram: the next getUpdates offset (the last stored update_id + 1).
    .addColumn('cursor', 'bigint', (c) => c.notNull())
    .addColumn('connected_at', 'bigint')
    .addColumn('last_update_at', 'bigint')
    .addColumn('last_error', 'text')
    .addColumn('last_error_at', 'bigint')
    // Webhook mode: the URL the holder set, and the secret_token every request must carry.
    .addColumn('webhook_url', 'text')
    .addColumn('webhook_secret', 'text')
    .execute();

  // A hand-off token works once.
  await db.schema
    .createTable('channel_handoff_uses')
    .addColumn('token', 'text', (c) => c.primaryKey().references('chat_handoffs.token'))
    .addColumn('peer_id', 'text', (c) => c.notNull().references('channel_peers.id'))
    .addColumn('used_at', 'bigint', (c) => c.notNull())
    .execute();
}
