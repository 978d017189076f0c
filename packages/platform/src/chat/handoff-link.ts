import type { ChatSettings, Messenger } from '@frontdesk/config';

/**
 * The deep link that opens the conversation in `channel` with `token` as its context, or
 * undefined when the channel is not connected or not enabled (as in the public config).
 */
export function handoffLink(
  channels: ChatSettings['channels'],
  channel: Messenger,
  token: string,
): string | undefined {
  switch (channel) {
    case 'telegram':
      return channels.telegram?.enabled
        ? `https://t.me/${channels.telegram.botName}?start=${token}`
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
