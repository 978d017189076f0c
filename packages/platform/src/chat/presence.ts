/**
 * Who is online, for the chat: whether operators who receive a widget's chats have a console
 * connected (shown to visitors), and whether a visitor has a tab connected (shown to operators).
 * Both are read from the sockets of every platform process (the adapter's fetchSockets).
 */
import type { ChatSettings } from '@frontdesk/config';
import type { Namespace } from 'socket.io';
import { ANSWERING } from '../orders/order-access';
import { socketsIn } from '../presence';
import type { Store, User } from '../storage/types';
import { receiverRoom, visitorRoom, widgetRoom } from './rooms';

/** Whether anyone who receives the chats of `settings` (in `accountId`) has a console connected. */
export async function operatorsOnline(
  ops: Namespace,
  accountId: string,
  settings: ChatSettings,
): Promise<boolean> {
  const sockets = await socketsIn(ops, receiverRoom(accountId, settings.channels.site.receiver));
  return sockets.some((socket) => ANSWERING.includes((socket.data.user as User).role));
}

/** The visitors among `visitorIds` with at least one tab connected. */
export async function visitorsOnline(chat: Namespace, visitorIds: string[]): Promise<Set<string>> {
  if (visitorIds.length === 0) return new Set();
  const sockets = await socketsIn(chat, visitorIds.map(visitorRoom));
  return new Set(sockets.map((socket) => socket.data.visitor.id as string));
}

/**
 * Tells the visitors of every chat widget of the account whether its operators are online
 * (`presence`), after a console connected or left. One lookup per chat widget of the account.
 */
export async function announceOperators(
  chat: Namespace,
  ops: Namespace,
  store: Store,
  accountId: string,
): Promise<void> {
  for (const widget of await store.widgets.list(accountId)) {
    if (widget.settings.type !== 'chat' || !widget.active) continue;
    const online = await operatorsOnline(ops, accountId, widget.settings);
    chat.to(widgetRoom(widget.id)).emit('presence', { operatorsOnline: online });
  }
}
