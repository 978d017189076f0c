/**
 * Fair chat distribution and missed enquiries (issue 23). A group's rules for text enquiries: its
 * mode (`everyone`: every member sees a new conversation and the first to reply takes it;
 * `distribute`: the platform gives each to one online member in turn), the most open
 * conversations one member holds at once, and the longest a client waits for the first answer
 * before the conversation moves to the next member (0 = no limit), with the member who got the
 * last one (round robin). A conversation keeps when it entered the queue, when its holder got it,
 * when its first answer is due, and the last hand-over (who, why, the note). A call that rang out
 * stays missed until someone marks it handled.
 */
import { type Kysely, sql } from 'kysely';

/** Adds the group rules, the conversations' assignment and the calls' handled mark. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('groups')
    .addColumn('chat_mode', 'text', (c) =>
      c.notNull().defaultTo('everyone').check(sql`chat_mode in ('everyone', 'distribute')`),
    )
    .execute();
  await db.schema
    .alterTable('groups')
    .addColumn('chat_limit', 'integer', (c) => c.notNull().defaultTo(3).check(sql`chat_limit >= 0`))
    .execute();
  await db.schema
    .alterTable('groups')
    .addColumn('chat_answer_seconds', 'integer', (c) =>
      c.notNull().defaultTo(0).check(sql`chat_answer_seconds >= 0`),
    )
    .execute();
  // No foreign key: a member who left the group or the account only ends the turn there.
  await db.schema.alterTable('groups').addColumn('chat_last_assignee_id', 'text').execute();

  for (const [column, type] of [
    ['queued_at', 'bigint'],
    ['assigned_at', 'bigint'],
    ['answer_due_at', 'bigint'],
    ['transfer_reason', 'text'],
    ['transfer_from_name', 'text'],
    ['transfer_note', 'text'],
    ['transferred_at', 'bigint'],
  ] as const) {
    await db.schema.alterTable('conversations').addColumn(column, type).execute();
  }
  await db.schema
    .createIndex('conversations_receiver_id_status')
    .on('conversations')
    .columns(['receiver_id', 'status'])
    .execute();
  await db.schema
    .createIndex('conversations_assignee_id_status')
    .on('conversations')
    .columns(['assignee_id', 'status'])
    .execute();

  await db.schema.alterTable('calls').addColumn('handled_at', 'bigint').execute();
  await db.schema.alterTable('calls').addColumn('handled_by_name', 'text').execute();
}
