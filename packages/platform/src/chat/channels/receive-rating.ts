import type { ChatRating } from '@frontdesk/config';
import type { ChannelPeer } from './channel-types';
import { skipUpdate } from './leases';
import type { InboundUpdate, ReceiveDeps } from './receive-message';

/**
 * A customer pressed one of the rating's marks under the question offer-rating.ts sent: the
 * conversation gets its rating — only a closed one of the peer's own visitor, and only once (a
 * press on another's question, or again, changes nothing) — and the operators see it. Then the
 * cursor moves past the update under the poller's fence (a redelivery rates nothing anew).
 * @returns whether the conversation was rated now.
 * @throws {FenceLost} when the poller's lease moved on.
 */
export async function receiveRating(
  deps: ReceiveDeps,
  update: InboundUpdate,
  peer: ChannelPeer,
  pressed: { conversationId: string; rating: ChatRating },
): Promise<boolean> {
  const { store, clock } = deps;
  const outcome = await store.conversations.rate(
    pressed.conversationId,
    peer.visitorId,
    pressed.rating,
  );
  if (update.guard) await skipUpdate(store.channels.inbound, update.guard, clock().getTime());
  if (outcome !== 'rated') return false;
  const rated = await store.conversations.get(pressed.conversationId);
  if (rated) await deps.feed.conversation(rated);
  return true;
}
