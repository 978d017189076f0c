/**
 * Who is online, for the chat: whether operators who receive a widget's chats have a console
 * connected (shown to visitors, widget-presence.ts), and whether a visitor has a tab connected
 * (shown to operators). Both are read from the sockets of every platform process (the adapter's
 * fetchSockets).
 */
import type { ChatPresence } from '@frontdesk/config';
import type { Namespace } from 'socket.io';
import type { AppContext } from '../context';
import { socketsIn } from '../realtime/presence-lookup';
import { widgetPresence } from '../widgets/widget-presence';
import { visitorRoom, widgetRoom } from './rooms';

/** The visitors among `visitorIds` with at least one tab connected. */
export async function visitorsOnline(chat: Namespace, visitorIds: string[]): Promise<Set<string>> {
  if (visitorIds.length === 0) return new Set();
  const sockets = await socketsIn(chat, visitorIds.map(visitorRoom));
  return new Set(sockets.map((socket) => socket.data.visitor.id as string));
}

/**
 * Tells the visitors of every chat widget of the account who can answer now (`presence`), after
 * a console connected or left. One lookup per chat widget of the account.
 */
export async function announceOperators(
  chat: Namespace,
  ops: Namespace,
  ctx: Pick<AppContext, 'store' | 'clock'>,
  accountId: string,
): Promise<void> {
  const sources = { ops, store: ctx.store, now: ctx.clock().getTime() };
  for (const widget of await ctx.store.widgets.list(accountId)) {
    if (widget.settings.type !== 'chat' || !widget.active) continue;
    const { presence } = await widgetPresence(sources, widget);
    chat.to(widgetRoom(widget.id)).emit('presence', { presence } satisfies ChatPresence);
  }
}
