/**
 * A hand-off arriving in a messenger: `/start <token>` with a token the site chat made
 * (chat/handoff-link.ts). Once, before it expires, and only in the token's widget and messenger,
 * the peer becomes the token's visitor — the peer that visitor had in this messenger, if another,
 * gets a visitor of its own — and the visitor's open conversation notes it and goes on in the
 * messenger. The update's record and the poller's cursor commit in the same transaction.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../storage/database';
import { lockedRow } from '../../storage/skip-locked';
import { assertStorableText, assertStorableTime } from '../../storage/storable-values';
import type { Tables } from '../../storage/tables';
import type { StoredChatMessage } from '../chat-records';
import { appendMessage, withConversation } from '../messages-store';
import { withChannels } from './channel-tables';
import type { ChannelStore, HandoffOutcome } from './channel-types';
import { advanceCursor } from './leases';
import { newVisitor } from './peers';

/** See the module comment and `store.channels.inbound.handoff`. */
export async function joinHandoff(
  base: Kysely<Tables>,
  engine: Database['engine'],
  input: Parameters<ChannelStore['inbound']['handoff']>[0],
): Promise<HandoffOutcome> {
  const { peer, token, guard, now } = input;
  assertStorableTime('now', now);
  assertStorableText('token', token);
  assertStorableText('note', input.note);
  const stored = await base.transaction().execute(async (trx) => {
    const channels = withChannels(trx);
    if (guard) await advanceCursor(trx, guard, now);
    const record = (messageId: string | null) =>
      channels
        .insertInto('channel_inbound')
        .values({
          credential: input.credential,
          external_id: input.externalId,
          peer_id: peer.id,
          message_id: messageId,
          received_at: now,
        })
        .execute();
    const handoff = await trx
      .selectFrom('chat_handoffs')
      .selectAll()
      .where('token', '=', token)
      .executeTakeFirst();
    const used = await channels
      .selectFrom('channel_handoff_uses')
      .select('token')
      .where('token', '=', token)
      .executeTakeFirst();
    if (
      !handoff ||
      used ||
      handoff.channel !== peer.messenger ||
      handoff.widget_id !== peer.widgetId ||
      handoff.created_at < input.notBefore
    ) {
      await record(null);
      return undefined;
    }
    const visitorId = handoff.visitor_id;
    // The visitor's row first, as every writer of their conversations takes it.
    await trx
      .selectFrom('chat_visitors')
      .select('id')
      .where('id', '=', visitorId)
      .$call(lockedRow(engine))
      .executeTakeFirst();
    await channels
      .insertInto('channel_handoff_uses')
      .values({ token, peer_id: peer.id, used_at: now })
      .execute();
    if (peer.visitorId !== visitorId) {
      const displaced = await channels
        .selectFrom('channel_peers')
        .select('id')
        .where('widget_id', '=', peer.widgetId)
        .where('messenger', '=', peer.messenger)
        .where('visitor_id', '=', visitorId)
        .executeTakeFirst();
      if (displaced) {
        const own = await newVisitor(trx, peer.accountId, peer.widgetId, now);
        await channels
          .updateTable('channel_peers')
          .set({ visitor_id: own, updated_at: now })
          .where('id', '=', displaced.id)
          .execute();
      }
      await channels
        .updateTable('channel_peers')
        .set({ visitor_id: visitorId, updated_at: now })
        .where('id', '=', peer.id)
        .execute();
    }
    const open = await trx
      .selectFrom('conversations')
      .selectAll()
      .where('visitor_id', '=', visitorId)
      .where('status', '=', 'open')
      .orderBy('started_at', 'desc')
      .limit(1)
      .$call(lockedRow(engine))
      .executeTakeFirst();
    let message: StoredChatMessage | undefined;
    if (open) {
      message = await appendMessage(trx, open, {
        client_id: `handoff-${token}`,
        author: 'system',
        operator_id: null,
        operator_name: null,
        operator_photo_url: null,
        text: input.note,
        at: now,
      });
      await trx
        .updateTable('conversations')
        .set({ channel: peer.messenger })
        .where('id', '=', open.id)
        .execute();
    }
    await record(message?.id ?? null);
    return { visitorId, message };
  });
  if (!stored) return { outcome: 'refused' };
  return {
    outcome: 'joined',
    visitorId: stored.visitorId,
    sent:
      stored.message &&
      (await withConversation(base, { message: stored.message, replayed: false })),
  };
}
