/**
 * Telegram's side of the replies: `sendMessage` to the peer's chat, `sendChatAction` for typing.
 * Telegram's answers become outcomes: 429 waits its `retry_after`; any other refusal (403 the
 * customer blocked the bot, 400 a chat or text Telegram refuses, 401 a token it no longer takes)
 * is final; no answer at all (an outage, a timeout, a 5xx) is tried again with back-off. The
 * rating's question carries its marks as an inline keyboard, one button a row.
 */
import type { ChatSettings } from '@frontdesk/config';
import type { Store } from '../../../storage/store';
import type { AttemptResult, ChannelAdapter } from '../channel-adapter';
import { RATINGS, ratingTexts } from '../rating-texts';
import { callTelegram, type TelegramBot, telegramOutcome } from './telegram-api';
import { telegramToken } from './telegram-token';
import { ratingData } from './telegram-update';

/** How long one sendMessage may take. */
const SEND_TIMEOUT_MS = 30_000;

/** Telegram's adapter over TELEGRAM_API_URL. */
export function telegramAdapter(store: Store, apiUrl: string): ChannelAdapter {
  /** The bot of a chat widget and its settings, or undefined when it has no Telegram token any more. */
  const botOf = async (
    widgetId: string,
  ): Promise<(TelegramBot & { settings: ChatSettings }) | undefined> => {
    const widget = await store.widgets.get(widgetId);
    const token = widget && widget.deletedAt === null && (await telegramToken(store, widget));
    return token && widget.settings.type === 'chat'
      ? { apiUrl, token, settings: widget.settings }
      : undefined;
  };
  return {
    async send(delivery): Promise<AttemptResult> {
      const bot = await botOf(delivery.widgetId);
      if (!bot) return { status: 'failed', error: 'This chat has no Telegram bot any more.' };
      try {
        const sent = await callTelegram(
          bot,
          'sendMessage',
          {
            chat_id: Number(delivery.externalId),
            text: delivery.text,
            ...(delivery.keyboard === 'rating'
              ? { reply_markup: ratingKeyboard(delivery.conversationId, bot.settings) }
              : {}),
          },
          { timeoutMs: SEND_TIMEOUT_MS },
        );
        return { status: 'sent', externalId: String(sent.message_id) };
      } catch (error) {
        return telegramOutcome(error);
      }
    },

    async typing(peer) {
      const bot = await botOf(peer.widgetId);
      if (!bot) return;
      await callTelegram(
        bot,
        'sendChatAction',
        { chat_id: Number(peer.externalId), action: 'typing' },
        { timeoutMs: SEND_TIMEOUT_MS },
      );
    },
  };
}

/** The rating's marks under the question: each button's data names the conversation and mark. */
function ratingKeyboard(conversationId: string, settings: ChatSettings) {
  const { marks } = ratingTexts(settings);
  return {
    inline_keyboard: RATINGS.map((rating) => [
      { text: marks[rating], callback_data: ratingData(conversationId, rating) },
    ]),
  };
}
