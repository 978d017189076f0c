import type { ChatSettings } from '@frontdesk/config';
import type { Store } from '../../storage/store';
import type { Conversation } from '../chat-records';
import type { ChatFeed } from '../feed';
import { ratingTexts } from './rating-texts';

/**
 * A conversation just closed with the rating offered, whose customer last wrote from a
 * messenger: the rating's question goes there with the marks as buttons (the messenger's adapter
 * draws them; Telegram an inline keyboard), through the replies' outbox, and the operators see
 * it asked. Site conversations are rated in the widget, as before.
 */
export async function offerRating(
  deps: { store: Store; feed: ChatFeed; now: number },
  closed: Conversation,
  settings: ChatSettings,
): Promise<void> {
  if (!closed.ratingOffered || closed.channel === 'site') return;
  const sent = await deps.store.channels.deliveries.offerRating({
    conversationId: closed.id,
    text: ratingTexts(settings).question,
    now: deps.now,
  });
  if (sent) await deps.feed.message(sent, settings.channels.site);
}
