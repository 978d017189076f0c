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

/** The secret's path of a widget's `messenger` token (storage/secrets.ts). */
export function tokenSecret(messenger: BotMessenger): string {
  return `channels.${messenger}.${TOKEN_FIELD[messenger]}`;
}

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
    (await store.secrets.get({ kind: 'widget', id: widget.id }, tokenSecret(messenger))) ||
    undefined
  );
}

/** The bots of one messenger as last read, and the widgets' stamp they were read at. */
interface KeptBots {
  stamp: string;
  credentialOf: (token: string, widget: ChatWidget) => string;
  bots: Promise<BotEntry[]>;
}

/**
 * The bots last read, per store and messenger. Every webhook request looks its bot up: reading
 * every widget and token each time cost queries per update; now one read of the widgets' stamp
 * tells whether anything changed since — in any process, so a token removed or replaced in
 * another one stops being accepted with the very next request.
 */
const kept = new WeakMap<Store, Map<BotMessenger, KeptBots>>();

/** The bots of `messenger`, each as `entry` makes it of its widget and token. */
export async function channelBots<E extends BotEntry>(
  store: Store,
  messenger: BotMessenger,
  credentialOf: (token: string, widget: ChatWidget) => string,
  entry: (bot: BotEntry) => E,
): Promise<Map<string, E>> {
  const byMessenger = kept.get(store) ?? new Map<BotMessenger, KeptBots>();
  kept.set(store, byMessenger);
  // Read before the bots: a change while they are read leaves the next look a different stamp.
  const stamp = await store.channels.widgetsStamp();
  let last = byMessenger.get(messenger);
  if (!last || last.stamp !== stamp || last.credentialOf !== credentialOf) {
    const reading: KeptBots = {
      stamp,
      credentialOf,
      bots: readBots(store, messenger, credentialOf),
    };
    // A failed read is not kept: the next request reads again.
    reading.bots.catch(() => {
      if (byMessenger.get(messenger) === reading) byMessenger.delete(messenger);
    });
    byMessenger.set(messenger, reading);
    last = reading;
  }
  // A fresh map of fresh entries: callers add to it (channels-runner.ts).
  return new Map((await last.bots).map((bot) => [bot.credential, entry(bot)]));
}

/** Reads the bots of `messenger` from the widgets and their tokens, the older widget first. */
async function readBots(
  store: Store,
  messenger: BotMessenger,
  credentialOf: (token: string, widget: ChatWidget) => string,
): Promise<BotEntry[]> {
  const bots = new Map<string, BotEntry>();
  for (const widget of await store.channels.widgets(messenger)) {
    if (!isChat(widget) || !widget.settings.channels[messenger]?.enabled) continue;
    const token = await botToken(store, widget, messenger);
    if (!token) continue;
    const credential = credentialOf(token, widget);
    if (!bots.has(credential)) bots.set(credential, { credential, token, widget });
  }
  return [...bots.values()];
}
