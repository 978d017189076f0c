import type { CursorGuard } from '../channel-types';
import { skipUpdate } from '../leases';
import { isHandoffToken, receiveHandoff } from '../receive-handoff';
import { type InboundUpdate, type ReceiveDeps, receiveMessage } from '../receive-message';
import { receiveRating } from '../receive-rating';
import type { VkInbound } from './vk-event';

/**
 * A poller's fencing of one event: `move` takes the cursor past it (with what it stores last),
 * `stay` fences what it stores first and keeps the cursor where it is — so a hand-off joined by
 * a process that dies before it stores the message is read again, not lost.
 */
export interface VkGuards {
  stay: CursorGuard;
  move: CursorGuard;
}

/**
 * Handles one event of a widget's community (read by vk-event.ts): a message is stored once (by
 * its id); the first message from a hand-off link first joins the site visitor (its `ref`,
 * recorded as an update of its own, so that a redelivery neither joins nor stores twice); a
 * rating button rates the conversation; anything else only moves the cursor. A user met for the
 * first time is named by `userName` (users.get), else by number. Whatever it is, the cursor
 * moves past it under the poller's fence (none for the Callback API).
 * @throws {FenceLost} when the poller's lease moved on: nothing changed.
 */
export async function receiveVkEvent(
  deps: ReceiveDeps,
  source: Omit<InboundUpdate, 'externalId' | 'guard' | 'messenger'>,
  read: VkInbound,
  guards: VkGuards | undefined,
  userName: (userId: number) => Promise<string | undefined>,
): Promise<void> {
  const move = guards?.move;
  if (read.kind === 'ignored') {
    if (move) await skipUpdate(deps.store.channels.inbound, move, deps.clock().getTime());
    return;
  }
  const inbound = (externalId: string, guard = move): InboundUpdate => ({
    ...source,
    messenger: 'vk',
    externalId,
    guard,
  });
  const peer = await deps.store.channels.peers.meet({
    accountId: source.widget.accountId,
    widgetId: source.widget.id,
    messenger: 'vk',
    externalId: String(read.userId),
    name: async () => (await userName(read.userId)) ?? `VK user ${read.userId}`,
    username: null,
    now: deps.clock().getTime(),
  });
  if (read.kind === 'rating') {
    await receiveRating(deps, inbound(read.externalId), peer, read);
    return;
  }
  let joined = peer;
  if (isHandoffToken(read.ref)) {
    if (
      await receiveHandoff(deps, inbound(`ref-${read.externalId}`, guards?.stay), peer, read.ref)
    ) {
      // The peer is the site visitor's now: the message goes on in their conversation.
      joined = (await deps.store.channels.peers.get(peer.id)) ?? peer;
    }
  }
  await receiveMessage(deps, inbound(read.externalId), joined, read.content);
}
