/**
 * Where a customer writes from, as the inbox shows it: the channel's icon and its name. The
 * icons are drawn here (no image requests, nothing to load under the console's CSP).
 */
import type { ChatChannel } from '@frontdesk/config';
import { useConsoleTexts } from './i18n/console-texts';

/** Every channel a chat can come from, in the order the inbox offers them. */
export const CHAT_CHANNELS: readonly ChatChannel[] = [
  'site',
  'telegram',
  'viber',
  'vk',
  'facebook',
];

/** 16×16 outlines: a speech bubble for the site, a paper plane for Telegram, a dot for the rest. */
const ICONS: Readonly<Record<ChatChannel, string>> = {
  site: 'M2 3h12v8H6l-3 3v-3H2z',
  telegram: 'M1 7.5 15 2l-2.5 12-4-3-2 2v-3.5L13 4 5 9.5z',
  viber: 'M8 2a6 6 0 1 1-4 10.5L2 14l.7-3A6 6 0 0 1 8 2z',
  vk: 'M2 4h3l2 5 1-5h2l1 5 2-5h3l-4 8h-2L9 8l-1 4H6z',
  facebook:
    'M9 15V9h2l.5-2.5H9V5c0-.8.3-1.3 1.3-1.3H12V1.5A16 16 0 0 0 10 1.3C8 1.3 6.6 2.5 6.6 4.7v1.8H4.5V9h2.1v6z',
};

/** The channel's icon and name. */
export function ChannelBadge({ channel }: { channel: ChatChannel }) {
  const t = useConsoleTexts();
  return (
    <span class={`channel channel-${channel}`} data-channel={channel}>
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
        <path d={ICONS[channel]} />
      </svg>
      {t.channels[channel]}
    </span>
  );
}
