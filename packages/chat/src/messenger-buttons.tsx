/** One button per connected messenger, to continue the conversation there (handoff.ts). */
import type { Messenger, PublicChatConfig } from '@frontdesk/config';
import type { ChatMessages } from './chat-messages';
import { MESSENGERS } from './handoff';

/** Props of {@link MessengerButtons}. */
export interface MessengerButtonsProps {
  channels: PublicChatConfig['channels'];
  texts: ChatMessages;
  onPick(channel: Messenger): void;
}

/** The buttons of the messengers the config connects; nothing when none is. */
export function MessengerButtons({ channels, texts: m, onPick }: MessengerButtonsProps) {
  const connected = MESSENGERS.filter(([channel]) => channels[channel]);
  if (!connected.length) return null;
  return (
    <div class="messengers">
      {connected.map(([channel, name]) => (
        <button
          key={channel}
          type="button"
          class="chip"
          data-channel={channel}
          aria-label={m.continueIn(name)}
          onClick={() => onPick(channel)}
        >
          {name}
        </button>
      ))}
    </div>
  );
}
