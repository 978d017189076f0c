/**
 * Chat messages. A send is one transaction: the visitor's row is locked (for an operator's reply
 * too), then the conversation's (see skip-locked.ts), the client id is looked up, and only then
 * is the next sequence number taken from the conversation and the message inserted, the
 * conversation changed by one UPDATE. Locks are always taken visitor first, conversation second,
 * so two senders never wait for each other in a circle; with any number of processes, sequence
 * numbers have no gaps and no repeats, and a retry answers the stored message. Should PostgreSQL
 * still abort a send for another's sake, it runs again (retried-transaction.ts). The unique keys of
 * migration 012 hold the same facts in the schema.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Updateable } from 'kysely';
import type { Database } from '../storage/database';
import { retriedTransaction } from '../storage/retried-transaction';
import { lockedRow } from '../storage/skip-locked';
import { assertStorableText, assertStorableTime } from '../storage/storable-values';
import type { ChatMessageRow, ConversationRow, Tables } from '../storage/tables';
import { queueDelivery } from './channels/queue-delivery';
import { queueNonWorkingEmail } from './chat-emails-store';
import type { ChatStore, StoredChatMessage } from './chat-records';
import {
  cancelAutoReplies,
  conversationById,
  lockConversation,
  lockVisitor,
  toStoredMessage,
} from './conversations-store';
import { queuesFor } from './distribution-store';

/** The chat messages of {@link createStore}. */
export function chatMessagesRepository(
  db: Kysely<Tables>,
  engine: Database['engine'],
): ChatStore['chatMessages'] {
  return {
    async visitorSend(input) {
      const { visitor, now } = input;
      assertStorableTime('now', now);
      assertStorableText('text', input.text);
      assertStorableText('clientId', input.clientId);
      if (input.page) {
        assertStorableText('page.url', input.page.url);
        assertStorableText('page.title', input.page.title);
      }
      const stored = await retriedTransaction(db, async (trx) => {
        // Messenger channels: the poller's fencing check comes first (src/chat/channels/).
        await input.inbound?.before(trx);
        await lockVisitor(trx, engine, visitor.id);
        const earlier = await visitorClientId(trx, visitor.id, input.clientId);
        if (earlier) return { message: earlier, replayed: true };
        const open = await trx
          .selectFrom('conversations')
          .selectAll()
          .where('visitor_id', '=', visitor.id)
          .where('status', '=', 'open')
          .orderBy('started_at', 'desc')
          .limit(1)
          .$call(lockedRow(engine))
          .executeTakeFirst();
        const conversation = open ?? (await startConversation(trx, input));
        const startsEnquiry = conversation.enquiry_started_at === null;
        const emailed = input.email
          ? await queueNonWorkingEmail(trx, conversation, input.email, now)
          : {};
        const message = await appendMessage(
          trx,
          conversation,
          {
            client_id: input.clientId,
            author: 'visitor',
            operator_id: null,
            operator_name: null,
            operator_photo_url: null,
            text: input.text,
            at: now,
          },
          {
            unanswered: conversation.unanswered + 1,
            ...(startsEnquiry ? { enquiry_started_at: now } : {}),
            ...(input.page ? { page_url: input.page.url, page_title: input.page.title } : {}),
            ...(visitor.timeZone !== null ? { time_zone: visitor.timeZone } : {}),
            ...emailed,
            channel: input.inbound?.channel ?? 'site',
          },
        );
        // An enquiry is the conversation until it is closed: once an operator answered in it
        // (and took it), a later question waits for them, not for an auto-reply.
        if (startsEnquiry && conversation.assignee_id === null && input.autoReplies.length > 0) {
          await trx
            .insertInto('chat_auto_replies')
            .values(
              input.autoReplies.map((reply, position) => ({
                id: randomUUID(),
                conversation_id: conversation.id,
                enquiry_started_at: now,
                position,
                text: reply.text,
                due_at: now + reply.delaySeconds * 1000,
                fired_by: null,
                fired_at: null,
                cancelled_at: null,
              })),
            )
            .execute();
        }
        // Messenger channels: the update's record, in the same transaction (src/chat/channels/).
        await input.inbound?.after(trx, message);
        return { message, replayed: false };
      });
      return withConversation(db, stored);
    },

    async operatorSend(input) {
      const { now, operator } = input;
      assertStorableTime('now', now);
      assertStorableText('text', input.text);
      assertStorableText('clientId', input.clientId);
      const stored = await retriedTransaction(db, async (trx) => {
        const conversation = await lockConversation(trx, engine, input.conversationId);
        if (!conversation) return 'not_found' as const;
        const earlier = await trx
          .selectFrom('chat_messages')
          .selectAll()
          .where('conversation_id', '=', conversation.id)
          .where('client_id', '=', input.clientId)
          .executeTakeFirst();
        if (earlier) return { message: toStoredMessage(earlier), replayed: true };
        if (conversation.status !== 'open') return 'closed' as const;
        const taken = conversation.assignee_id !== null && conversation.assignee_id !== operator.id;
        if (taken && !input.mayAnswerTaken) return 'not_yours' as const;
        const message = await appendMessage(
          trx,
          conversation,
          {
            client_id: input.clientId,
            author: 'operator',
            operator_id: operator.id,
            operator_name: operator.name,
            operator_photo_url: operator.photoUrl,
            text: input.text,
            at: now,
          },
          {
            unanswered: 0,
            enquiry_started_at: null,
            // The first answer came: no hand-over for want of one, no place in the queue.
            answer_due_at: null,
            queued_at: null,
            ...(conversation.assignee_id === null
              ? { assignee_id: operator.id, assignee_name: operator.name, assigned_at: now }
              : {}),
          },
        );
        await cancelAutoReplies(trx, conversation.id, now);
        return { message, replayed: false };
      });
      return typeof stored === 'string' ? stored : withConversation(db, stored);
    },

    async markPublished(ids, now) {
      assertStorableTime('now', now);
      if (ids.length === 0) return;
      await db
        .updateTable('chat_messages')
        .set({ published_at: now })
        .where('id', 'in', ids)
        .where('published_at', 'is', null)
        .execute();
    },

    byVisitorClientId: (visitorId, clientId) => visitorClientId(db, visitorId, clientId),

    async since(conversationId, afterSeq, limit) {
      const rows = await db
        .selectFrom('chat_messages')
        .selectAll()
        .where('conversation_id', '=', conversationId)
        .where('seq', '>', afterSeq)
        .orderBy('seq')
        .limit(limit)
        .execute();
      return rows.map(toStoredMessage);
    },
  };
}

/**
 * Appends a message to a conversation whose row the transaction has locked: the next sequence
 * number with `changes` to the conversation in one UPDATE (a second one would make PostgreSQL
 * check the visitor's foreign key again; see lockConversation), then the message's row.
 */
export async function appendMessage(
  trx: Kysely<Tables>,
  conversation: ConversationRow,
  fields: Omit<ChatMessageRow, 'id' | 'conversation_id' | 'seq' | 'published_at'>,
  changes: Updateable<ConversationRow> = {},
): Promise<StoredChatMessage> {
  const row: ChatMessageRow = {
    id: randomUUID(),
    conversation_id: conversation.id,
    seq: conversation.last_seq + 1,
    ...fields,
    published_at: null,
  };
  await trx
    .updateTable('conversations')
    .set({ ...changes, last_seq: row.seq })
    .where('id', '=', conversation.id)
    .execute();
  await trx.insertInto('chat_messages').values(row).execute();
  // A reply in a messenger conversation waits in its outbox, committed with the message.
  await queueDelivery(trx, conversation, row);
  return toStoredMessage(row);
}

/** The stored message with its conversation as it is after the commit. */
export async function withConversation(
  db: Kysely<Tables>,
  stored: { message: StoredChatMessage; replayed: boolean },
) {
  const conversation = await conversationById(db, stored.message.conversationId);
  if (!conversation) throw new Error(`conversation ${stored.message.conversationId} vanished`);
  return { ...stored, conversation };
}

/** A new open conversation of the visitor, routed to `receiver`; its row, as locked as it gets. */
async function startConversation(
  trx: Kysely<Tables>,
  input: Pick<
    Parameters<ChatStore['chatMessages']['visitorSend']>[0],
    'visitor' | 'widgetId' | 'receiver' | 'now'
  >,
): Promise<ConversationRow> {
  const { visitor, receiver, now } = input;
  const row: ConversationRow = {
    id: randomUUID(),
    account_id: visitor.accountId,
    widget_id: input.widgetId,
    visitor_id: visitor.id,
    receiver_kind: receiver?.kind ?? null,
    receiver_id: receiver?.id ?? null,
    assignee_id: null,
    assignee_name: null,
    status: 'open',
    last_seq: 0,
    read_by_operator_seq: 0,
    read_by_visitor_seq: 0,
    unanswered: 0,
    enquiry_started_at: null,
    rating_offered: 0,
    rating: null,
    page_url: null,
    page_title: null,
    time_zone: visitor.timeZone,
    started_at: now,
    closed_at: null,
    email_hour_started_at: null,
    email_hour_count: 0,
    email_batch_id: null,
    // A distributing group's conversation starts in its queue; a turn, or a reply, ends it.
    queued_at: (await queuesFor(trx, { kind: receiver?.kind ?? null, id: receiver?.id ?? null }))
      ? now
      : null,
    assigned_at: null,
    answer_due_at: null,
    transfer_reason: null,
    transfer_from_name: null,
    transfer_note: null,
    transferred_at: null,
    channel: 'site',
  };
  await trx.insertInto('conversations').values(row).execute();
  return row;
}

async function visitorClientId(
  db: Kysely<Tables>,
  visitorId: string,
  clientId: string,
): Promise<StoredChatMessage | undefined> {
  const row = await db
    .selectFrom('chat_messages')
    .innerJoin('conversations', 'conversations.id', 'chat_messages.conversation_id')
    .selectAll('chat_messages')
    .where('conversations.visitor_id', '=', visitorId)
    .where('chat_messages.client_id', '=', clientId)
    .where('chat_messages.author', '=', 'visitor')
    .executeTakeFirst();
  return row && toStoredMessage(row);
}
