import type { ChatPeer } from '@frontdesk/config';
import type { Store } from '../../storage/store';
import type { Conversation, StoredChatMessage } from '../chat-records';

/**
 * `messages` with the channel each came from or goes to and, for replies to a messenger, their
 * delivery, for a customer's, their photos and files (what the console shows beside them); site
 * messages stay as they are.
 */
export async function withChannelMarks(
  store: Store,
  messages: StoredChatMessage[],
): Promise<StoredChatMessage[]> {
  const ids = messages.map((message) => message.id);
  const marks = await store.channels.deliveries.marks(ids);
  if (marks.size === 0) return messages;
  const attachments = await store.channels.attachments.ofMessages(
    ids.filter((id) => marks.has(id)),
  );
  return messages.map((message) => {
    const mark = marks.get(message.id);
    const files = attachments.get(message.id);
    return mark ? { ...message, ...mark, ...(files && { attachments: files }) } : message;
  });
}

/** The conversation's customer in each messenger, as `chat:open` shows them. */
export async function conversationPeers(
  store: Store,
  conversation: Conversation,
): Promise<ChatPeer[]> {
  const peers = await store.channels.peers.ofVisitor(conversation.visitorId, conversation.widgetId);
  return peers.map((peer) => ({
    channel: peer.messenger,
    name: peer.name,
    username: peer.username,
    phone: peer.phone,
  }));
}
