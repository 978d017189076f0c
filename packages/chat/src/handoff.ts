/**
 * Messenger hand-off: the platform answers `handoff` with the deep link that carries a context
 * token; the widget opens only links of the messenger asked for (the formats of the contract,
 * or `<linkBase>/<messenger>/` where the config names a link base: the messenger sandbox's), in
 * a new tab that gets no hold on the page.
 */
import type { Messenger } from '@frontdesk/config';
import { PlatformError } from '@frontdesk/core';

/** The messengers in the order their buttons show, with their names (brands: not translated). */
export const MESSENGERS: readonly [Messenger, string][] = [
  ['telegram', 'Telegram'],
  ['viber', 'Viber'],
  ['vk', 'VK'],
  ['facebook', 'Facebook'],
];

/** How each messenger's link starts. */
const LINK_START: Record<Messenger, string> = {
  telegram: 'https://t.me/',
  viber: 'viber://pa?',
  vk: 'https://vk.me/',
  facebook: 'https://m.me/',
};

/**
 * Whether `url` is a link of `channel` as the contract writes them; on `linkBase` (the public
 * config's `channels.linkBase`), when given, they start `<linkBase>/<channel>/` instead.
 */
export function isHandoffUrl(channel: Messenger, url: unknown, linkBase?: string): url is string {
  const start = linkBase ? `${linkBase}/${channel}/` : LINK_START[channel];
  return typeof url === 'string' && url.startsWith(start) && !/\s/.test(url);
}

/**
 * Asks `handoff` for `channel`'s link and opens it with `open` (`window.open`); on `linkBase`
 * when given (see {@link isHandoffUrl}).
 * @throws {PlatformError} when the platform refuses, or answers with another kind of link.
 */
export async function openHandoff(
  channel: Messenger,
  handoff: (channel: Messenger) => Promise<string>,
  open: (url: string, target: string, features: string) => unknown = (url, target, features) =>
    window.open(url, target, features),
  linkBase?: string,
): Promise<void> {
  const url = await handoff(channel);
  if (!isHandoffUrl(channel, url, linkBase)) {
    throw new PlatformError(0, 'unknown', `Not a ${channel} link: ${String(url).slice(0, 100)}`);
  }
  open(url, '_blank', 'noopener,noreferrer');
}
