/** The chat with a bot, live: the sandbox's event stream for it, kept as a {@link ChatView}. */
import { useEffect, useState } from 'preact/hooks';
import { applyEvent, type ChatView, EMPTY_CHAT, fromSnapshot, TYPING_MS } from './chat-state';
import type { TelegramEvent } from './control-types';

const EVENTS: TelegramEvent['type'][] = [
  'message',
  'edited',
  'typing',
  'callback-answer',
  'blocked',
];

/** The chat of `bot` with customer `chatId` (nothing while there is no customer yet). */
export function useChat(bot: string, chatId: number | undefined): ChatView {
  const [view, setView] = useState<ChatView>(EMPTY_CHAT);
  const [, setTick] = useState(0);
  useEffect(() => {
    if (chatId === undefined) return;
    const source = new EventSource(`/control/telegram/bots/${bot}/chats/${chatId}/events`);
    let typingEnds: ReturnType<typeof setTimeout> | undefined;
    // A reconnection starts again from a snapshot: nothing is shown twice.
    source.addEventListener('snapshot', (event) => setView(fromSnapshot(JSON.parse(event.data))));
    for (const type of EVENTS) {
      source.addEventListener(type, (event) => {
        const data = JSON.parse((event as MessageEvent<string>).data) as TelegramEvent;
        setView((view) => applyEvent(view, data, Date.now()));
        if (type === 'typing') {
          clearTimeout(typingEnds);
          // Re-render when "typing…" runs out.
          typingEnds = setTimeout(() => setTick((tick) => tick + 1), TYPING_MS);
        }
      });
    }
    return () => {
      source.close();
      clearTimeout(typingEnds);
    };
  }, [bot, chatId]);
  return view;
}
