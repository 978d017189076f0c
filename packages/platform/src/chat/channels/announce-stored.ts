/**
 * What a dead lease holder stored but never announced. A poller stores each customer's message
 * in one transaction with the cursor past its update, so Telegram never sends that update again:
 * if the process dies between that commit and `chat:message`, no redelivery comes to announce it
 * (as one does for a webhook's retry, receive-message.ts). The next holder announces it instead,
 * from the published marks (published-marks.ts): the consoles see it live, not at a reload.
 */
import type { Messenger } from '@frontdesk/config';
import type { ReceiveDeps } from './receive-message';
import { isChat } from './telegram/telegram-bots';

/** Messages one take of a lease announces; a dead holder leaves a few at most. */
const LIMIT = 500;

/**
 * Tells the operators of every message of `credential`'s updates that no process announced, as
 * a replay (marking each published), with `messenger` as its channel.
 * @returns how many it announced.
 */
export async function announceStored(
  deps: Pick<ReceiveDeps, 'store' | 'feed' | 'clock'>,
  credential: string,
  messenger: Messenger,
): Promise<number> {
  const { store, feed } = deps;
  const messages = await store.channels.inbound.unannounced(credential, LIMIT);
  const gone: string[] = [];
  for (const message of messages) {
    const conversation = await store.conversations.get(message.conversationId);
    const widget = conversation && (await store.widgets.get(conversation.widgetId));
    if (!conversation || !widget || !isChat(widget)) {
      gone.push(message.id);
      continue;
    }
    await feed.message(
      { message: { ...message, channel: messenger }, conversation, replayed: true },
      widget.settings.channels.site,
    );
  }
  // Nobody to tell of these any more: marked, so that they never stand before the next ones.
  await store.chatMessages.markPublished(gone, deps.clock().getTime());
  return messages.length;
}
