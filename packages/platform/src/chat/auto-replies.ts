import type { Clock } from '../clock';
import type { Store } from '../storage/store';
import type { ChatFeed } from './feed';

/** Auto-replies one look takes. */
const BATCH = 50;

/**
 * One pass of the auto-reply runner: fires every auto-reply due now (each once, whichever
 * process gets there first; see auto-replies-store.ts) and tells both sides.
 * @returns how many auto-replies it sent.
 */
export async function fireAutoReplies(
  store: Store,
  clock: Clock,
  feed: ChatFeed,
  by: string,
): Promise<number> {
  let sent = 0;
  for (;;) {
    const due = await store.chatAutoReplies.due(clock().getTime(), BATCH);
    for (const id of due) {
      const fired = await store.chatAutoReplies.fire(id, { now: clock().getTime(), by });
      if (!fired) continue;
      sent++;
      const widget = await store.widgets.get(fired.conversation.widgetId);
      if (widget?.settings.type === 'chat')
        await feed.message(fired, widget.settings.channels.site);
    }
    if (due.length < BATCH) return sent;
  }
}
