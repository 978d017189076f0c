/**
 * The customers' attachments (`store.channels.attachments`, table `chat_attachments`): written
 * pending in the transaction of their message ({@link addAttachments}), then fetched as the
 * replies' outbox is sent — claimed by one process at a time (pending → fetching, the attempt
 * counted; a claim left by a process that died is taken again once older than the lease), and
 * settled by that claimer only: stored with its bytes, pending again with the next try's time,
 * or failed with the reason. Claims and settles by id, so a fetch is never stored twice.
 */
import { randomUUID } from 'node:crypto';
import type { MessageAttachment, Messenger } from '@frontdesk/config';
import type { Kysely, Updateable } from 'kysely';
import type { Database } from '../../../storage/database';
import { skipLocked } from '../../../storage/skip-locked';
import { assertStorableText, assertStorableTime } from '../../../storage/storable-values';
import type { Tables } from '../../../storage/tables';
import type { StoredChatMessage } from '../../chat-records';
import { type ChatAttachmentRow, withChannels } from '../channel-tables';
import type { FailedOutcome, RetryOutcome } from '../channel-types';
import type { AttachmentInfo, InboundAttachment, PendingAttachment } from './attachment-types';

/** What became of one attempt, as the store records it. */
export type AttachmentOutcome =
  | { status: 'stored'; bytes: Uint8Array; contentType: string; at: number }
  | RetryOutcome
  | FailedOutcome;

/** The attachments' part of the channel store. */
export interface AttachmentStore {
  /** Claims the attachments due now (and those whose claimer died), counting the attempt. */
  claim(input: {
    now: number;
    by: string;
    staleBefore: number;
    limit: number;
  }): Promise<PendingAttachment[]>;
  /**
   * Records an attempt's outcome (only by its claimer); the attachment as staff now see it, or
   * undefined when the claim was lost.
   */
  settle(id: string, by: string, outcome: AttachmentOutcome): Promise<AttachmentInfo | undefined>;
  /** The attachments of each of `messageIds` that has any, in their order. */
  ofMessages(messageIds: readonly string[]): Promise<Map<string, MessageAttachment[]>>;
  /** The attachment `id` as staff see it (never its bytes); undefined when there is none. */
  info(id: string): Promise<AttachmentInfo | undefined>;
  /** The bytes of the attachment `id` once stored (read after its access is checked). */
  data(id: string): Promise<Uint8Array | undefined>;
}

/** The columns staff see (never the bytes). */
const INFO = [
  'id',
  'message_id',
  'conversation_id',
  'account_id',
  'kind',
  'file_name',
  'status',
  'content_type',
  'size',
  'last_error',
] as const;

type InfoRow = Pick<ChatAttachmentRow, (typeof INFO)[number]>;

/**
 * Stores `attachments` of the customer's `message` pending, in the message's transaction `trx`:
 * the text is there at once, the files follow (or fail with a note).
 */
export async function addAttachments(
  trx: Kysely<Tables>,
  input: {
    message: StoredChatMessage;
    messenger: Messenger;
    widgetId: string;
    accountId: string;
    attachments: readonly InboundAttachment[];
    now: number;
  },
): Promise<void> {
  if (input.attachments.length === 0) return;
  assertStorableTime('now', input.now);
  for (const attachment of input.attachments) {
    assertStorableText('source', attachment.source);
    if (attachment.fileName !== null) assertStorableText('fileName', attachment.fileName);
  }
  await withChannels(trx)
    .insertInto('chat_attachments')
    .values(
      input.attachments.map((attachment, position) => ({
        id: randomUUID(),
        message_id: input.message.id,
        conversation_id: input.message.conversationId,
        account_id: input.accountId,
        widget_id: input.widgetId,
        position,
        messenger: input.messenger,
        kind: attachment.kind,
        source: attachment.source,
        file_name: attachment.fileName,
        declared_type: attachment.declaredType,
        declared_size: attachment.declaredSize,
        status: 'pending' as const,
        attempts: 0,
        next_attempt_at: input.now,
        created_at: input.now,
      })),
    )
    .execute();
}

/** `store.channels.attachments` over one open database. */
export function attachmentsRepository(
  base: Kysely<Tables>,
  engine: Database['engine'],
): AttachmentStore {
  const db = withChannels(base);
  return {
    async claim({ now, by, staleBefore, limit }) {
      assertStorableTime('now', now);
      const claimed = await db.transaction().execute(async (trx) => {
        const picked = await trx
          .selectFrom('chat_attachments')
          .select('id')
          .where((eb) =>
            eb.or([
              eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
              eb.and([eb('status', '=', 'fetching'), eb('claimed_at', '<=', staleBefore)]),
            ]),
          )
          .orderBy('next_attempt_at')
          .limit(limit)
          .$call(skipLocked(engine))
          .execute();
        if (picked.length === 0) return [];
        return (
          trx
            .updateTable('chat_attachments')
            .set({ status: 'fetching', claimed_by: by, claimed_at: now })
            .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
            .where(
              'id',
              'in',
              picked.map((row) => row.id),
            )
            // Taken meanwhile by another process (SQLite has no skip locked): not ours.
            .where((eb) =>
              eb.or([
                eb('status', '=', 'pending'),
                eb.and([eb('status', '=', 'fetching'), eb('claimed_at', '<=', staleBefore)]),
              ]),
            )
            .returning('id')
            .execute()
        );
      });
      if (claimed.length === 0) return [];
      const rows = await db
        .selectFrom('chat_attachments as a')
        .innerJoin('chat_messages as m', 'm.id', 'a.message_id')
        .select([
          'a.id',
          'a.message_id',
          'a.conversation_id',
          'a.widget_id',
          'a.messenger',
          'a.kind',
          'a.source',
          'a.file_name',
          'a.declared_type',
          'a.declared_size',
          'a.attempts',
          'a.created_at',
          'm.seq',
        ])
        .where(
          'a.id',
          'in',
          claimed.map((row) => row.id),
        )
        .orderBy('a.created_at')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        messageId: row.message_id,
        conversationId: row.conversation_id,
        seq: row.seq,
        widgetId: row.widget_id,
        messenger: row.messenger,
        kind: row.kind,
        source: row.source,
        fileName: row.file_name,
        declaredType: row.declared_type,
        declaredSize: row.declared_size,
        attempts: row.attempts,
        createdAt: row.created_at,
      }));
    },

    async settle(id, by, outcome) {
      if (outcome.status !== 'stored') assertStorableText('error', outcome.error);
      const values: Updateable<ChatAttachmentRow> =
        outcome.status === 'stored'
          ? {
              status: 'stored',
              data: outcome.bytes,
              content_type: outcome.contentType,
              size: outcome.bytes.byteLength,
              last_error: null,
              settled_at: outcome.at,
            }
          : outcome.status === 'retry'
            ? { status: 'pending', last_error: outcome.error, next_attempt_at: outcome.retryAt }
            : { status: 'failed', last_error: outcome.error, settled_at: outcome.at };
      const row = await db
        .updateTable('chat_attachments')
        .set(values)
        // A rate limit's wait is the messenger's pace, not a failed attempt (as for replies).
        .$if(outcome.status === 'retry' && outcome.rateLimited, (qb) =>
          qb.set((eb) => ({ attempts: eb('attempts', '-', 1) })),
        )
        .where('id', '=', id)
        .where('status', '=', 'fetching')
        .where('claimed_by', '=', by)
        .returning(INFO)
        .executeTakeFirst();
      return row && infoOf(row);
    },

    async ofMessages(messageIds) {
      const byMessage = new Map<string, MessageAttachment[]>();
      if (messageIds.length === 0) return byMessage;
      const rows = await db
        .selectFrom('chat_attachments')
        .select(INFO)
        .where('message_id', 'in', [...messageIds])
        .orderBy('message_id')
        .orderBy('position')
        .execute();
      for (const row of rows) {
        const { messageId, conversationId, accountId, ...shown } = infoOf(row);
        byMessage.set(messageId, [...(byMessage.get(messageId) ?? []), shown]);
      }
      return byMessage;
    },

    async info(id) {
      const row = await db
        .selectFrom('chat_attachments')
        .select(INFO)
        .where('id', '=', id)
        .executeTakeFirst();
      return row && infoOf(row);
    },

    async data(id) {
      const row = await db
        .selectFrom('chat_attachments')
        .select('data')
        .where('id', '=', id)
        .where('status', '=', 'stored')
        .executeTakeFirst();
      // better-sqlite3 hands a Buffer, pg a Buffer too: both are Uint8Arrays.
      return row?.data ?? undefined;
    },
  };
}

/** A row as staff see it: a claimed attachment is still on its way. */
function infoOf(row: InfoRow): AttachmentInfo {
  const status = row.status === 'fetching' ? 'pending' : row.status;
  return {
    id: row.id,
    messageId: row.message_id,
    conversationId: row.conversation_id,
    accountId: row.account_id,
    kind: row.kind,
    name: row.file_name,
    status,
    ...(status === 'stored' && row.content_type !== null ? { contentType: row.content_type } : {}),
    ...(status === 'stored' && row.size !== null ? { size: row.size } : {}),
    ...(status === 'failed' && row.last_error !== null ? { error: row.last_error } : {}),
  };
}
