/** One button per connected messenger, to continue the conversation there (handoff.ts). */
import type { Messenger, PublicChatConfig } from '@frontdesk/config';
import type { ChatMessages } from './chat-messages';
import { MESSENGERS } from './handoff';

/** Props of {@link MessengerButtons}. */
export interface MessengerButtonsProps {
  channels: PublicChatConfig['channels'];
  texts: ChatMessages;
  /**
   * A pointer over, a touch on or the focus on a button: the link is asked for the moment one is
   * pressed, and the browser opens it only soon after the press — the connection starts now.
   */
  onIntent(): void;
  onPick(channel: Messenger): void;
}

/** The buttons of the messengers the config connects; nothing when none is. */
export function MessengerButtons({ channels, texts: m, onIntent, onPick }: MessengerButtonsProps) {
  const connected = MESSENGERS.filter(([channel]) => channels[channel]);
  if (!connected.length) return null;
  return (
    <div class="messengers" onPointerOver={onIntent} onTouchStart={onIntent} onFocusIn={onIntent}>
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
