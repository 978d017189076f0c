import type { Store } from '../../../storage/store';
import type { Widget } from '../../../widgets/widget-records';

/**
 * The bot token of a chat widget's Telegram channel, or undefined when it has none. The one
 * place the channels read it: from the write-only secrets store (storage/secrets.ts), never
 * from settings (they only say `{ set }`); the value goes to the Bot API and nowhere else.
 */
export async function telegramToken(store: Store, widget: Widget): Promise<string | undefined> {
  if (widget.settings.type !== 'chat' || !widget.settings.channels.telegram) return undefined;
  return (
    (await store.secrets.get({ kind: 'widget', id: widget.id }, 'channels.telegram.botToken')) ||
    undefined
  );
}

/** The channel credential of a bot token: `telegram:<bot id>` (the number before the colon). */
export function telegramCredential(token: string): string {
  return `telegram:${token.slice(0, token.indexOf(':'))}`;
}
