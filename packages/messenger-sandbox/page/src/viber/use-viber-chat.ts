/** The chat with a Viber bot, live: the sandbox's event stream for it. */
import { useEffect, useState } from 'preact/hooks';
import type { ViberChatMessage, ViberEvent } from './viber-types';

/** What the chat screen shows. */
export interface ViberChatView {
  /** Undefined until the snapshot has come. */
  messages?: ViberChatMessage[];
  subscribed: boolean;
}

/** The chat of `bot` with user `userId` (nothing while there is no user yet). */
export function useViberChat(bot: string, userId: string | undefined): ViberChatView {
  const [view, setView] = useState<ViberChatView>({ subscribed: false });
  useEffect(() => {
    if (userId === undefined) return;
    const source = new EventSource(
      `/control/viber/bots/${bot}/chats/${encodeURIComponent(userId)}/events`,
    );
    source.addEventListener('snapshot', (event) => setView(JSON.parse(event.data)));
    for (const type of ['message', 'subscribed'] as const) {
      source.addEventListener(type, (event) => {
        const data = JSON.parse((event as MessageEvent<string>).data) as ViberEvent;
        setView((view) =>
          data.type === 'message'
            ? { ...view, messages: [...(view.messages ?? []), data.entry] }
            : data.type === 'subscribed'
              ? { ...view, subscribed: data.subscribed }
              : view,
        );
      });
    }
    return () => source.close();
  }, [bot, userId]);
  return view;
}
