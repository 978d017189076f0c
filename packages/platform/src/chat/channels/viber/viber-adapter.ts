/**
 * Viber's side of the replies: send_message to the peer (typing is not offered by Viber's API).
 * Viber's statuses become outcomes: 12 (tooManyRequests) waits and tries again, not counted as a
 * failure; 5 and 6 (the receiver is not a Viber user / not subscribed), 2 (the token no longer
 * works) and any other refusal are final; no answer at all (an outage, a timeout, a 5xx) is
 * tried again with back-off. The rating's question carries its marks as a Viber keyboard of
 * reply buttons.
 */
import type { ChatSettings } from '@frontdesk/config';
import type { Store } from '../../../storage/store';
import type { AttemptResult, ChannelAdapter } from '../channel-adapter';
import { botToken } from '../channel-bots';
import { ratingData } from '../rating-data';
import { RATINGS, ratingTexts } from '../rating-texts';
import { callViber, VIBER_STATUS, ViberError } from './viber-api';

const SEND_TIMEOUT_MS = 30_000;

/** How long to wait after status 12: Viber names no time. */
export const VIBER_RATE_LIMIT_WAIT_MS = 30_000;

/** The longest sender name Viber takes. */
const MAX_SENDER_NAME = 28;

/** Viber's adapter over VIBER_API_URL. */
export function viberAdapter(store: Store, apiUrl: string): ChannelAdapter {
  return {
    async send(delivery): Promise<AttemptResult> {
      const widget = await store.widgets.get(delivery.widgetId);
      const token = widget && widget.deletedAt === null && (await botToken(store, widget, 'viber'));
      const settings = widget?.settings;
      const viber = settings?.type === 'chat' ? settings.channels.viber : null;
      if (!token || settings?.type !== 'chat' || !viber) {
        return { status: 'failed', error: 'This chat has no Viber bot any more.' };
      }
      try {
        const sent = await callViber(
          { apiUrl, token },
          'send_message',
          {
            receiver: delivery.externalId,
            min_api_version: 1,
            sender: { name: viber.botName.slice(0, MAX_SENDER_NAME) },
            type: 'text',
            text: delivery.text,
            ...(delivery.keyboard === 'rating'
              ? { keyboard: ratingKeyboard(delivery.conversationId, settings) }
              : {}),
          },
          { timeoutMs: SEND_TIMEOUT_MS },
        );
        return { status: 'sent', externalId: String(sent.message_token ?? '') };
      } catch (error) {
        if (!(error instanceof ViberError)) {
          return { status: 'retry', error: (error as Error).message };
        }
        if (error.status === VIBER_STATUS.tooManyRequests) {
          return { status: 'retry', error: error.message, retryAfterMs: VIBER_RATE_LIMIT_WAIT_MS };
        }
        return { status: 'failed', error: error.message };
      }
    },
    // Viber's API has no "typing" to show.
    async typing() {},
  };
}

/** The rating's marks as reply buttons: a press comes back as a message with the button's data. */
function ratingKeyboard(conversationId: string, settings: ChatSettings) {
  const { marks } = ratingTexts(settings);
  return {
    Type: 'keyboard',
    DefaultHeight: true,
    Buttons: RATINGS.map((rating) => ({
      Columns: 6,
      Rows: 1,
      ActionType: 'reply',
      ActionBody: ratingData(conversationId, rating),
      Text: marks[rating],
    })),
  };
}
