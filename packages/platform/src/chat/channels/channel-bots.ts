/**
 * The bots (Telegram bots, Viber public accounts, VK communities) whose messages the platform reads, by channel
 * credential: every live, active chat widget's enabled channel of that messenger with a token.
 * A bot belongs to one widget: when two name the same bot, the older widget gets its messages.
 */
import type { ChatSettings, Messenger } from '@frontdesk/config';
import type { Store } from '../../storage/store';
import type { Widget } from '../../widgets';

/** A chat widget (its settings typed as such). */
export type ChatWidget = Widget & { settings: ChatSettings };

/** A bot to read and the widget whose channel it is. */
export interface BotEntry {
  credential: string;
  token: string;
  widget: ChatWidget;
}

/** Whether `widget` is a chat widget. */
export function isChat(widget: Widget): widget is ChatWidget {
  return widget.settings.type === 'chat';
}

/** The messengers whose channels carry a token (a bot's, VK's community token, Facebook's Page token). */
export type BotMessenger = Extract<Messenger, 'telegram' | 'viber' | 'vk' | 'facebook'>;

/** Where each one's token sits in its channel's settings. */
const TOKEN_FIELD: Readonly<Record<BotMessenger, string>> = {
  telegram: 'botToken',
  viber: 'botToken',
  vk: 'accessToken',
  facebook: 'pageToken',
};

/**
 * The bot token of a chat widget's `messenger` channel, or undefined when it has none. The one
 * place the channels read it: from the write-only secrets store (storage/secrets.ts), never
 * from settings (they only say `{ set }`); the value goes to the messenger's API and nowhere else.
 */
export async function botToken(
  store: Store,
  widget: Widget,
  messenger: BotMessenger,
): Promise<string | undefined> {
  if (!isChat(widget) || !widget.settings.channels[messenger]) return undefined;
  return (
    (await store.secrets.get(
      { kind: 'widget', id: widget.id },
      `channels.${messenger}.${TOKEN_FIELD[messenger]}`,
    )) || undefined
  );
}

/** The bots of `messenger`, each as `entry` makes it of its widget and token. */
export async function channelBots<E extends BotEntry>(
  store: Store,
  messenger: BotMessenger,
  credentialOf: (token: string, widget: ChatWidget) => string,
  entry: (bot: BotEntry) => E,
): Promise<Map<string, E>> {
  const bots = new Map<string, E>();
  for (const widget of await store.channels.widgets(messenger)) {
    if (!isChat(widget) || !widget.settings.channels[messenger]?.enabled) continue;
    const token = await botToken(store, widget, messenger);
    if (!token) continue;
    const credential = credentialOf(token, widget);
    if (!bots.has(credential)) bots.set(credential, entry({ credential, token, widget }));
  }
  return bots;
}
