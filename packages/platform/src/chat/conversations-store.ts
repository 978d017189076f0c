/**
 * Chat conversations. Every read joins what the inbox shows with a conversation (its widget's key
 * and name, the contact's name, the last message), so a list is one query. Writes that change a
 * conversation lock its visitor's row and then its own (see skip-locked.ts), the order every send
 * takes, and are run again when PostgreSQL breaks a deadlock anyway (retried-transaction.ts).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../storage/database';
import { retriedTransaction } from '../storage/retried-transaction';
import { lockedRow } from '../storage/skip-locked';
import { assertStorableText, assertStorableTime } from '../storage/storable-values';
import type { ChatMessageRow, ConversationRow, Tables } from '../storage/tables';
import type {
  ChatStore,
  Conversation,
  ConversationViewer,
  StoredChatMessage,
} from './chat-records';
import { queuesFor } from './distribution-store';

/** The conversations of {@link createStore}. */
export function conversationsRepository(
  db: Kysely<Tables>,
  engine: Database['engine'],
): ChatStore['conversations'] {
  return {
    get: (id) => conversationById(db, id),

    async current(visitorId) {
      const row = await viewQuery(db)
        .where('c.visitor_id', '=', visitorId)
        .orderBy('c.started_at', 'desc')
        .orderBy('c.id', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row && toConversation(row);
    },

    async ofVisitor(visitorId, limit) {
      const rows = await viewQuery(db)
        .where('c.visitor_id', '=', visitorId)
        .orderBy('c.started_at', 'desc')
        .orderBy('c.id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toConversation);
    },

    async list(accountId, status, limit, viewer) {
      const rows = await viewQuery(db)
        .where('c.account_id', '=', accountId)
        .where('c.status', '=', status)
        .$call(seenBy(viewer))
        .orderBy(status === 'open' ? 'c.started_at' : 'c.closed_at', 'desc')
        .orderBy('c.id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toConversation);
    },

    async close(id, { ratingOffered, now }) {
      assertStorableTime('now', now);
      const closed = await retriedTransaction(db, async (trx) => {
        const row = await lockConversation(trx, engine, id);
        if (row?.status !== 'open') return false;
        await trx
          .updateTable('conversations')
          .set({
            status: 'closed',
            closed_at: now,
            rating_offered: ratingOffered ? 1 : 0,
            enquiry_started_at: null,
          })
          .where('id', '=', id)
          .execute();
        await cancelAutoReplies(trx, id, now);
        return true;
      });
      return closed ? conversationById(db, id) : undefined;
    },

    async transfer(id, { to, note, by, now }) {
      assertStorableTime('now', now);
      if (note !== null) assertStorableText('note', note);
      const done = await retriedTransaction(db, async (trx) => {
        const row = await lockConversation(trx, engine, id);
        if (!row) return 'not_found' as const;
        if (row.status !== 'open') return 'closed' as const;
        const handed = {
          transfer_reason: 'operator' as const,
          transfer_from_name: by,
          transfer_note: note,
          transferred_at: now,
        };
        if (to.kind === 'employee') {
          // A distributing group's first-answer limit holds for the new holder too.
          const group =
            row.receiver_kind === 'group' && row.receiver_id !== null
              ? await trx
                  .selectFrom('groups')
                  .select(['chat_mode', 'chat_answer_seconds'])
                  .where('id', '=', row.receiver_id)
                  .executeTakeFirst()
              : undefined;
          const seconds = group?.chat_mode === 'distribute' ? group.chat_answer_seconds : 0;
          await trx
            .updateTable('conversations')
            .set({
              ...handed,
              assignee_id: to.id,
              assignee_name: to.name,
              assigned_at: now,
              queued_at: null,
              answer_due_at:
                row.enquiry_started_at !== null && seconds > 0 ? now + seconds * 1000 : null,
            })
            .where('id', '=', id)
            .execute();
        } else {
          await trx
            .updateTable('conversations')
            .set({
              ...handed,
              receiver_kind: 'group',
              receiver_id: to.id,
              assignee_id: null,
              assignee_name: null,
              assigned_at: null,
              answer_due_at: null,
              queued_at: (await queuesFor(trx, to)) ? now : null,
            })
            .where('id', '=', id)
            .execute();
        }
        return 'handed' as const;
      });
      if (done !== 'handed') return done;
      const conversation = await conversationById(db, id);
      return conversation ?? 'not_found';
    },

    async rate(id, visitorId, rating) {
      const result = await db
        .updateTable('conversations')
        .set({ rating })
        .where('id', '=', id)
        .where('visitor_id', '=', visitorId)
        .where('status', '=', 'closed')
        .where('rating', 'is', null)
        .executeTakeFirst();
      if (result.numUpdatedRows > 0n) return 'rated';
      const row = await db
        .selectFrom('conversations')
        .select(['status', 'rating'])
        .where('id', '=', id)
        .where('visitor_id', '=', visitorId)
        .executeTakeFirst();
      if (!row) return 'not_found';
      return row.status === 'closed' ? 'already_rated' : 'not_closed';
    },

    async markRead(id, side, upToSeq) {
      const column = side === 'operator' ? 'read_by_operator_seq' : 'read_by_visitor_seq';
      // One statement: the mark only rises, and never past the last stored message.
      const row = await db
        .updateTable('conversations')
        .set((eb) => ({
          [column]: eb
            .case()
            .when('last_seq', '<', upToSeq)
            .then(eb.ref('last_seq'))
            .else(upToSeq)
            .end(),
        }))
        .where('id', '=', id)
        .where(column, '<', upToSeq)
        .where(column, '<', (eb) => eb.ref('last_seq'))
        .returning(column)
        .executeTakeFirst();
      if (row) return (row as Record<typeof column, number>)[column];
      const current = await db
        .selectFrom('conversations')
        .select(column)
        .where('id', '=', id)
        .executeTakeFirst();
      return current && (current as Record<typeof column, number>)[column];
    },
  };
}

/** The conversation `id` with what the inbox shows, or undefined. */
export async function conversationById(
  db: Kysely<Tables>,
  id: string,
): Promise<Conversation | undefined> {
  const row = await viewQuery(db).where('c.id', '=', id).executeTakeFirst();
  return row && toConversation(row);
}

/**
 * Locks a visitor's row until the transaction ends (PostgreSQL; see skip-locked.ts). Every writer
 * of a conversation takes its visitor's row first and the conversation's second, so two writers
 * never wait for each other in a circle.
 */
export async function lockVisitor(
  trx: Kysely<Tables>,
  engine: Database['engine'],
  visitorId: string,
): Promise<void> {
  await trx
    .selectFrom('chat_visitors')
    .select('id')
    .where('id', '=', visitorId)
    .$call(lockedRow(engine))
    .executeTakeFirst();
}

/**
 * Reads a conversation's row locked until the transaction ends, its visitor's row locked before it
 * (the order every writer takes; see {@link lockVisitor}). An operator's reply must take the
 * visitor's row too: changing a conversation row twice in one transaction makes PostgreSQL check
 * its foreign key, which takes a share lock on the visitor's row — after the conversation's.
 */
export async function lockConversation(
  trx: Kysely<Tables>,
  engine: Database['engine'],
  id: string,
): Promise<ConversationRow | undefined> {
  // A conversation never changes visitor: reading it unlocked is safe.
  const owner = await trx
    .selectFrom('conversations')
    .select('visitor_id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!owner) return undefined;
  await lockVisitor(trx, engine, owner.visitor_id);
  return trx
    .selectFrom('conversations')
    .selectAll()
    .where('id', '=', id)
    .$call(lockedRow(engine))
    .executeTakeFirst();
}

/** Cancels the conversation's auto-replies still pending: the enquiry was answered or closed. */
export async function cancelAutoReplies(
  trx: Kysely<Tables>,
  conversationId: string,
  now: number,
): Promise<void> {
  await trx
    .updateTable('chat_auto_replies')
    .set({ cancelled_at: now })
    .where('conversation_id', '=', conversationId)
    .where('fired_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .execute();
}

/** Conversations joined with what the inbox shows of them (the search reads it too). */
export function viewQuery(db: Kysely<Tables>) {
  return db
    .selectFrom('conversations as c')
    .innerJoin('widgets as w', 'w.id', 'c.widget_id')
    .leftJoin('chat_contacts as k', (join) =>
      join.onRef('k.visitor_id', '=', 'c.visitor_id').onRef('k.account_id', '=', 'c.account_id'),
    )
    .leftJoin('chat_messages as m', (join) =>
      join.onRef('m.conversation_id', '=', 'c.id').onRef('m.seq', '=', 'c.last_seq'),
    )
    .selectAll('c')
    .select([
      'w.key as widget_key',
      'w.name as widget_name',
      'k.name as contact_name',
      'm.id as m_id',
      'm.client_id as m_client_id',
      'm.author as m_author',
      'm.operator_id as m_operator_id',
      'm.operator_name as m_operator_name',
      'm.operator_photo_url as m_operator_photo_url',
      'm.text as m_text',
      'm.at as m_at',
      'm.published_at as m_published_at',
    ]);
}

/** A query of {@link viewQuery}. */
type ViewQuery = ReturnType<typeof viewQuery>;

/**
 * Narrows a {@link viewQuery} to what `viewer` may see (everything without one): access.ts's rule
 * in SQL — the conversations they hold, those routed to them or to one of their groups, and those
 * routed to nobody when they answer (a receiver is none unless both its kind and id are there, as
 * {@link toConversation} reads it).
 */
export function seenBy(viewer: ConversationViewer | undefined) {
  return (query: ViewQuery): ViewQuery => {
    if (!viewer || viewer.all) return query;
    return query.where((eb) =>
      eb.or([
        eb('c.assignee_id', '=', viewer.userId),
        eb.and([eb('c.receiver_kind', '=', 'employee'), eb('c.receiver_id', '=', viewer.userId)]),
        ...(viewer.groupIds.length > 0
          ? [
              eb.and([
                eb('c.receiver_kind', '=', 'group'),
                eb('c.receiver_id', 'in', viewer.groupIds),
              ]),
            ]
          : []),
        ...(viewer.unrouted
          ? [eb.or([eb('c.receiver_kind', 'is', null), eb('c.receiver_id', 'is', null)])]
          : []),
      ]),
    );
  };
}

/** A row of {@link viewQuery}. */
export type ViewRow = ConversationRow & {
  widget_key: string;
  widget_name: string;
  contact_name: string | null;
  m_id: string | null;
  m_client_id: string | null;
  m_author: ChatMessageRow['author'] | null;
  m_operator_id: string | null;
  m_operator_name: string | null;
  m_operator_photo_url: string | null;
  m_text: string | null;
  m_at: number | null;
  m_published_at: number | null;
};

/** The conversation of a {@link viewQuery} row. */
export function toConversation(row: ViewRow): Conversation {
  return {
    id: row.id,
    accountId: row.account_id,
    widgetId: row.widget_id,
    widget: { key: row.widget_key, name: row.widget_name },
    visitorId: row.visitor_id,
    receiver:
      row.receiver_kind && row.receiver_id
        ? { kind: row.receiver_kind, id: row.receiver_id }
        : null,
    assignee:
      row.assignee_id && row.assignee_name !== null
        ? { id: row.assignee_id, name: row.assignee_name }
        : null,
    queuedAt: row.queued_at,
    answerDueAt: row.answer_due_at,
    transfer:
      row.transfer_reason !== null && row.transferred_at !== null
        ? {
            reason: row.transfer_reason,
            fromName: row.transfer_from_name,
            note: row.transfer_note,
            at: row.transferred_at,
          }
        : null,
    status: row.status,
    channel: row.channel,
    lastSeq: row.last_seq,
    readByOperatorSeq: row.read_by_operator_seq,
    readByVisitorSeq: row.read_by_visitor_seq,
    unanswered: row.unanswered,
    enquiryStartedAt: row.enquiry_started_at,
    ratingOffered: row.rating_offered === 1,
    rating: row.rating,
    page: row.page_url !== null ? { url: row.page_url, title: row.page_title ?? '' } : null,
    timeZone: row.time_zone,
    contactName: row.contact_name,
    lastMessage:
      row.m_id !== null && row.m_author !== null && row.m_text !== null && row.m_at !== null
        ? toStoredMessage({
            id: row.m_id,
            conversation_id: row.id,
            seq: row.last_seq,
            client_id: row.m_client_id,
            author: row.m_author,
            operator_id: row.m_operator_id,
            operator_name: row.m_operator_name,
            operator_photo_url: row.m_operator_photo_url,
            text: row.m_text,
            at: row.m_at,
            published_at: row.m_published_at,
          })
        : null,
    startedAt: row.started_at,
    closedAt: row.closed_at,
  };
}

/** A message as the store returns it. */
export function toStoredMessage(row: ChatMessageRow): StoredChatMessage {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    seq: row.seq,
    clientId: row.client_id,
    author: row.author,
    operator:
      row.operator_id !== null && row.operator_name !== null
        ? { id: row.operator_id, name: row.operator_name, photoUrl: row.operator_photo_url }
        : null,
    text: row.text,
    at: row.at,
    published: row.published_at !== null,
  };
}
