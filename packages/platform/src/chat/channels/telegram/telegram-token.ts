import type { Store } from '../../../storage/store';
import type { Widget } from '../../../widgets';
import { botToken } from '../channel-bots';

/** The bot token of a chat widget's Telegram channel, or undefined (see channel-bots.ts). */
export function telegramToken(store: Store, widget: Widget): Promise<string | undefined> {
  return botToken(store, widget, 'telegram');
}

/** The channel credential of a bot token: `telegram:<bot id>` (the number before the colon). */
export function telegramCredential(token: string): string {
  return `telegram:${token.slice(0, token.indexOf(':'))}`;
}
