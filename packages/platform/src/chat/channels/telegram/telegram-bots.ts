import type { Store } from '../../../storage/store';
import { type BotEntry, channelBots } from '../channel-bots';
import { telegramCredential } from './telegram-token';

export { isChat } from '../channel-bots';

/** A bot to read, the widget whose channel it is, and how its updates come. */
export interface TelegramBotEntry extends BotEntry {
  mode: 'polling' | 'webhook';
}

/** The Telegram bots whose updates the platform reads (channel-bots.ts), with their mode. */
export function telegramBots(store: Store): Promise<Map<string, TelegramBotEntry>> {
  return channelBots(store, 'telegram', telegramCredential, (bot) => ({
    ...bot,
    mode: bot.widget.settings.channels.telegram?.mode ?? 'polling',
  }));
}
