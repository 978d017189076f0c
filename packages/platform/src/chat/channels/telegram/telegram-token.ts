import type { Store, Widget } from '../../../storage/types';

/**
 * The bot token of a chat widget's Telegram channel, or undefined when it has none. The one
 * place the channels read it: today from the widget's settings; the write-only secrets store
 * (security issue) takes its place here.
 */
export async function telegramToken(_store: Store, widget: Widget): Promise<string | undefined> {
  if (widget.settings.type !== 'chat') return undefined;
  return widget.settings.channels.telegram?.botToken || undefined;
}

/** The channel credential of a bot token: `telegram:<bot id>` (the number before the colon). */
export function telegramCredential(token: string): string {
  return `telegram:${token.slice(0, token.indexOf(':'))}`;
}
