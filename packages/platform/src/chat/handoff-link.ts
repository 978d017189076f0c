import type { ChatSettings, Messenger } from '@frontdesk/config';

/**
 * The deep link that opens the conversation in `channel` with `token` as its context, or
 * undefined when the channel is not connected or not enabled (as in the public config).
 * Telegram's links go to `telegramBase` (MESSENGER_LINK_BASE: the messenger sandbox's
 * `/telegram` where t.me cannot be reached), https://t.me by default.
 */
export function handoffLink(
  channels: ChatSettings['channels'],
  channel: Messenger,
  token: string,
  telegramBase = 'https://t.me',
): string | undefined {
  switch (channel) {
    case 'telegram':
      return channels.telegram?.enabled
        ? `${telegramBase}/${channels.telegram.botName}?start=${token}`
        : undefined;
    case 'viber':
      return channels.viber?.enabled
        ? `viber://pa?chatURI=${channels.viber.uri}&context=${token}`
        : undefined;
    case 'vk':
      return channels.vk?.enabled ? `https://vk.me/${channels.vk.groupId}?ref=${token}` : undefined;
    case 'facebook':
      return channels.facebook?.enabled
        ? `https://m.me/${channels.facebook.pageId}?ref=${token}`
        : undefined;
  }
}
