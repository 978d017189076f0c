import type { ChatClosed } from '@frontdesk/config';
import type { Server } from 'socket.io';
import type { AppContext } from '../context';
import { visitorsOnline } from './chat-presence';
import type { Conversation, SentMessage } from './chat-records';
import { publishedMarks } from './published-marks';
import { conversationRooms, visitorRoom } from './rooms';
import { conversationSummary, type OperatorShown, wireMessage } from './wire';

/**
 * Tells both sides what happened to a conversation (events in CHAT.md): visitors on `/chat`,
 * the operators who see it on `/ops`. Events are hints; clients resync from the database by
 * sequence number, so an event lost with a process loses nothing.
 */
export interface ChatFeed {
  /**
   * A stored message: `message` to the visitor's tabs (all but `exceptSocket`, which got the
   * ack), `chat:message` and `chat:conversation` to the operators. Once `chat:message` is handed
   * to socket.io (and so to the Redis adapter), the message is marked published: a message without
   * the mark was stored by a process that died before telling anyone, and its resend publishes it.
   */
  message(sent: SentMessage, shown: OperatorShown, exceptSocket?: string): Promise<void>;
  /** `chat:conversation` to the operators who see it (and to `alsoTo`, who saw it before). */
  conversation(conversation: Conversation, alsoTo?: readonly string[]): Promise<void>;
  /** `closed` to the visitor, `chat:conversation` to the operators. */
  closed(conversation: Conversation): Promise<void>;
}

/** The feed over the `/chat` and `/ops` namespaces of `io`; it marks messages published in `store`. */
export function chatFeed(
  io: Server,
  // Without distribution (a test's feed), messages and closes only tell.
  ctx: Pick<AppContext, 'store' | 'clock'> &
    Partial<Pick<AppContext, 'distribute' | 'holderFirst'>>,
): ChatFeed {
  const { store, clock } = ctx;
  const chat = io.of('/chat');
  const ops = io.of('/ops');
  const published = publishedMarks((ids) =>
    store.chatMessages.markPublished(ids, clock().getTime()),
  );
  const conversation = async (current: Conversation, alsoTo: readonly string[] = []) => {
    const online = await visitorsOnline(chat, [current.visitorId]);
    ops
      .to([...conversationRooms(current), ...alsoTo])
      .emit('chat:conversation', conversationSummary(current, online.has(current.visitorId)));
  };
  // A message or a close may change a group's queue or free a member: its turn comes.
  const changed = ({ receiver }: Conversation) =>
    ctx.distribute?.(receiver?.kind === 'group' ? [receiver.id] : []);
  return {
    async message({ message, conversation: stored, replayed }, shown, exceptSocket) {
      // A resend (a webhook's retry, a visitor's) of a message this process told everyone of and
      // is marking now: telling them again would only repeat it.
      const marking = replayed && !message.published && published.pending(message.id);
      if (marking) return marking;
      const toVisitor = chat.to(visitorRoom(stored.visitorId));
      (exceptSocket ? toVisitor.except(exceptSocket) : toVisitor).emit(
        'message',
        wireMessage(message, shown),
      );
      // Before anything is awaited: the visitor's ack follows, and a process killed after it must
      // already have handed the message to socket.io (and so to the other processes).
      ops.to(conversationRooms(stored)).emit('chat:message', wireMessage(message));
      const marked = message.published || published.mark(message.id);
      // One nobody holds in a distributing group is given out first: its operators hear who holds it.
      const current = ctx.holderFirst ? await ctx.holderFirst(stored) : stored;
      await Promise.all([marked, conversation(current)]);
      changed(current);
    },
    conversation,
    async closed(current) {
      const closed: ChatClosed = {
        conversationId: current.id,
        ratingOffered: current.ratingOffered,
      };
      chat.to(visitorRoom(current.visitorId)).emit('closed', closed);
      await conversation(current);
      changed(current);
    },
  };
}
