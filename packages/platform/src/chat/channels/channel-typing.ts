import type { Store } from '../../storage/store';
import type { Conversation } from '../chat-records';
import { channelAdapters, type MessengerApis } from './channel-adapters';

/**
 * Shows the customer of `conversation` that an operator is typing, in the messenger they last
 * wrote from (Telegram: sendChatAction, shown for about five seconds; the console repeats it
 * while the operator types). Nothing for the site chat or a customer without a peer there.
 */
export async function channelTyping(
  store: Store,
  apis: MessengerApis,
  conversation: Conversation,
): Promise<void> {
  if (conversation.channel === 'site') return;
  const adapter = channelAdapters(store, apis)[conversation.channel];
  const peers = await store.channels.peers.ofVisitor(conversation.visitorId, conversation.widgetId);
  const peer = peers.find((p) => p.messenger === conversation.channel);
  if (adapter && peer) await adapter.typing(peer);
}
