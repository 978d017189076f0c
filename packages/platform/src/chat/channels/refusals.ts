/**
 * A customer's update refused by the chat's per-visitor rate limit (receive-message.ts). The
 * site chat's visitor sees an error and their widget sends again; a messenger customer would
 * learn nothing, so they are told — at most once per limit window — with the platform's message
 * in their latest conversation, queued to their peer in the replies' outbox. The update's record,
 * the poller's cursor and the notice commit together: never lost (the update comes again until
 * the commit), never twice (the record, and the last notice's time, under the visitor's lock).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/database';
import { retriedTransaction } from '../../storage/retried-transaction';
import { lockedRow } from '../../storage/skip-locked';
import { assertStorableText, assertStorableTime } from '../../storage/storable-values';
import type { Tables } from '../../storage/tables';
import type { SentMessage, StoredChatMessage } from '../chat-records';
import { lockVisitor } from '../conversations-store';
import { appendMessage, withConversation } from '../messages-store';
import { withChannels } from './channel-tables';
import type { ChannelStore } from './channel-types';
import { advanceCursor } from './leases';
import { insertDelivery } from './queue-delivery';

/** What the notices' client ids start with: how the last one is found. */
const NOTICE_PREFIX = 'too-fast-';

/** See the module comment and `store.channels.inbound.refuse`. */
export async function refuseUpdate(
  base: Kysely<Tables>,
  engine: Database['engine'],
  input: Parameters<ChannelStore['inbound']['refuse']>[0],
): Promise<SentMessage | undefined> {
  const { peer, guard, now } = input;
  assertStorableTime('now', now);
  assertStorableText('externalId', input.externalId);
  assertStorableText('notice', input.notice);
  const stored = await retriedTransaction(base, async (trx) => {
    const channels = withChannels(trx);
    if (guard) await advanceCursor(trx, guard, now);
    // The visitor's row first, as every writer of their conversations takes it: two refusals
    // of one customer (a webhook on two processes) see each other's notice.
    await lockVisitor(trx, engine, peer.visitorId);
    const before = await channels
      .selectFrom('channel_inbound')
      .select('external_id')
      .where('credential', '=', input.credential)
      .where('external_id', '=', input.externalId)
      .executeTakeFirst();
    if (before) return undefined;
    const notice = await tellOnce(trx, engine, input);
    await channels
      .insertInto('channel_inbound')
      .values({
        credential: input.credential,
        external_id: input.externalId,
        peer_id: peer.id,
        message_id: notice?.id ?? null,
        received_at: now,
      })
      .execute();
    return notice;
  });
  return stored && withConversation(base, { message: stored, replayed: false });
}

/**
 * The notice in the visitor's latest conversation of the widget, queued to the peer — unless the
 * peer had one within the window, or the visitor has no conversation to carry it.
 */
async function tellOnce(
  trx: Kysely<Tables>,
  engine: Database['engine'],
  input: Parameters<ChannelStore['inbound']['refuse']>[0],
): Promise<StoredChatMessage | undefined> {
  const { peer, now } = input;
  const told = await withChannels(trx)
    .selectFrom('channel_deliveries as d')
    .innerJoin('chat_messages as m', 'm.id', 'd.message_id')
    .select('m.id')
    .where('d.peer_id', '=', peer.id)
    .where('m.client_id', 'like', `${NOTICE_PREFIX}%`)
    .where('m.at', '>', now - input.windowMs)
    .executeTakeFirst();
  if (told) return undefined;
  const conversation = await trx
    .selectFrom('conversations')
    .selectAll()
    .where('visitor_id', '=', peer.visitorId)
    .where('widget_id', '=', peer.widgetId)
    .orderBy('started_at', 'desc')
    .limit(1)
    .$call(lockedRow(engine))
    .executeTakeFirst();
  if (!conversation) return undefined;
  const message = await appendMessage(trx, conversation, {
    client_id: `${NOTICE_PREFIX}${input.credential.replace(':', '-')}-${input.externalId}`,
    author: 'system',
    operator_id: null,
    operator_name: null,
    operator_photo_url: null,
    text: input.notice,
    at: now,
  });
  await insertDelivery(trx, {
    message: { id: message.id, seq: message.seq, at: now },
    conversationId: conversation.id,
    peerId: peer.id,
    messenger: peer.messenger,
  });
  return message;
}
