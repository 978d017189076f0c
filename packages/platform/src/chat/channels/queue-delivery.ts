/**
 * Replies to a messenger wait in their outbox (`channel_deliveries`), queued in the transaction
 * that stores the message (chat-messages.ts calls this for every message it appends): an
 * acknowledged reply is never lost, whatever happens to the process after the commit.
 */
import type { Messenger } from '@frontdesk/config';
import type { Kysely } from 'kysely';
import type { ChatMessageRow, ConversationRow, Tables } from '../../storage/tables';
import { type DeliveryKeyboard, withChannels } from './channel-tables';

/**
 * Queues the delivery of `message` when it is a reply (an operator's or an auto-reply) in a
 * conversation whose customer last wrote from a messenger, to that messenger's peer; with a
 * `keyboard`, whoever wrote it (the rating's question is the platform's).
 */
export async function queueDelivery(
  trx: Kysely<Tables>,
  conversation: ConversationRow,
  message: Pick<ChatMessageRow, 'id' | 'seq' | 'author' | 'at'>,
  keyboard: DeliveryKeyboard | null = null,
): Promise<void> {
  if (conversation.channel === 'site') return;
  if (!keyboard && message.author !== 'operator' && message.author !== 'auto') return;
  const messenger: Messenger = conversation.channel;
  const db = withChannels(trx);
  const peer = await db
    .selectFrom('channel_peers')
    .select('id')
    .where('widget_id', '=', conversation.widget_id)
    .where('messenger', '=', messenger)
    .where('visitor_id', '=', conversation.visitor_id)
    .executeTakeFirst();
  if (!peer) return;
  await insertDelivery(
    trx,
    { message, conversationId: conversation.id, peerId: peer.id, messenger },
    keyboard,
  );
}

/** Puts `message` of conversation `conversationId` in the outbox of `peerId` in `messenger`. */
export async function insertDelivery(
  trx: Kysely<Tables>,
  to: {
    message: Pick<ChatMessageRow, 'id' | 'seq' | 'at'>;
    conversationId: string;
    peerId: string;
    messenger: Messenger;
  },
  keyboard: DeliveryKeyboard | null = null,
): Promise<void> {
  const { message } = to;
  await withChannels(trx)
    .insertInto('channel_deliveries')
    .values({
      message_id: message.id,
      conversation_id: to.conversationId,
      seq: message.seq,
      peer_id: to.peerId,
      messenger: to.messenger,
      status: 'pending',
      attempts: 0,
      next_attempt_at: message.at,
      claimed_by: null,
      claimed_at: null,
      last_error: null,
      external_id: null,
      sent_at: null,
      failed_at: null,
      created_at: message.at,
      keyboard,
    })
    .execute();
}
