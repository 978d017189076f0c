import type { ChatSettings, Messenger } from '@frontdesk/config';

/** Each messenger's home for its deep links, where MESSENGER_LINK_BASE does not name another. */
const HOME: Record<Messenger, string> = {
  telegram: 'https://t.me',
  viber: 'viber://pa',
  vk: 'https://vk.me',
  facebook: 'https://m.me',
};

/**
 * The deep link that opens the conversation in `channel` with `token` as its context, or
 * undefined when the channel is not connected or not enabled (as in the public config).
 * With `linkBase` (MESSENGER_LINK_BASE: the messenger sandbox, where the messengers cannot be
 * reached) every link goes to `<linkBase>/<messenger>/<slug>?<context>`, as the sandbox's page
 * serves them; Viber's own is `viber://pa?chatURI=<uri>&context=…`.
 */
export function handoffLink(
  channels: ChatSettings['channels'],
  channel: Messenger,
  token: string,
  linkBase?: string,
): string | undefined {
  const target = linkTarget(channels, channel);
  if (!target) return undefined;
  const [slug, context] = target;
  if (linkBase) return `${linkBase}/${channel}/${slug}?${context}=${token}`;
  return channel === 'viber'
    ? `${HOME.viber}?chatURI=${slug}&${context}=${token}`
    : `${HOME[channel]}/${slug}?${context}=${token}`;
}

/** Whom a link of `channel` opens and the name of the context it carries, when it is on. */
function linkTarget(
  channels: ChatSettings['channels'],
  channel: Messenger,
): [slug: string, context: string] | undefined {
  switch (channel) {
    case 'telegram':
      return channels.telegram?.enabled ? [channels.telegram.botName, 'start'] : undefined;
    case 'viber':
      return channels.viber?.enabled ? [channels.viber.uri, 'context'] : undefined;
    case 'vk':
      return channels.vk?.enabled ? [channels.vk.groupId, 'ref'] : undefined;
    case 'facebook':
      return channels.facebook?.enabled ? [channels.facebook.pageId, 'ref'] : undefined;
  }
}
