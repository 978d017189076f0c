import type { ChatSettings } from '@frontdesk/config';
import type { Store } from '../../../storage/store';
import type { Widget } from '../../../widgets/widget-records';
import { telegramCredential, telegramToken } from './telegram-token';

/** A bot to read, the widget whose channel it is, and how its updates come. */
export interface TelegramBotEntry {
  credential: string;
  token: string;
  widget: Widget & { settings: ChatSettings };
  mode: 'polling' | 'webhook';
}

/**
 * The bots whose updates the platform reads, by credential: every live, active chat widget's
 * enabled Telegram channel. A bot belongs to one widget: when two name the same bot, the older
 * widget gets its updates.
 */
export async function telegramBots(store: Store): Promise<Map<string, TelegramBotEntry>> {
  const bots = new Map<string, TelegramBotEntry>();
  for (const widget of await store.channels.widgets('telegram')) {
    const telegram = isChat(widget) ? widget.settings.channels.telegram : null;
    if (!isChat(widget) || !telegram?.enabled) continue;
    const token = await telegramToken(store, widget);
    if (!token) continue;
    const credential = telegramCredential(token);
    const mode = telegram.mode ?? 'polling';
    if (!bots.has(credential)) bots.set(credential, { credential, token, widget, mode });
  }
  return bots;
}

/** Whether `widget` is a chat widget (its settings typed as such). */
export function isChat(widget: Widget): widget is Widget & { settings: ChatSettings } {
  return widget.settings.type === 'chat';
}
