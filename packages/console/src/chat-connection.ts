/**
 * The inbox's side of `/ops` (packages/platform/CHAT.md): feeds the `chat:*` events into the
 * store and turns the operator's actions into acknowledged requests. It never trusts the
 * connection to have delivered everything: on every (re)connect it lists again and asks each
 * opened conversation for what came after its last `seq`, and a `seq` gap asks the same.
 */
import type {
  ChatAttachmentUpdate,
  ChatDelivery,
  ChatMessage,
  ConversationDetail,
  ConversationRead,
  ConversationSummary,
  ConversationTyping,
  TransferTarget,
} from '@frontdesk/config';
import { useErrorText } from '@frontdesk/staff';
import { useEffect, useMemo, useReducer, useRef } from 'preact/hooks';
import type { Socket } from 'socket.io-client';
import { emptyInbox, type InboxState, inboxReducer, lastSeq } from './chat-store';
import { ask } from './ops-socket';

/**
 * How long a visitor's "typing" lasts without a repeat: the contract does not say how often the
 * widget repeats it, so a lost "stopped" must not leave the indicator on for good.
 */
const TYPING_EXPIRES = 6000;

/** What the inbox screen can do. */
export interface InboxConnection {
  state: InboxState;
  /** Loads a conversation's messages, contact and past enquiries (`chat:open`). */
  open(conversationId: string): Promise<void>;
  /** Sends a reply with a new client id; it shows as pending until stored. */
  send(conversationId: string, text: string): void;
  /** Sends a failed reply again under its original client id (never a second copy). */
  retry(conversationId: string, clientId: string): void;
  /** Tells the visitor the operator is (no longer) typing. */
  typing(conversationId: string, typing: boolean): void;
  /** Reports everything held of the conversation as read, once per new `seq`. */
  markRead(conversationId: string): void;
  /** Closes the conversation (the visitor is offered the rating when enabled). */
  close(conversationId: string): Promise<void>;
  /** Hands the conversation to a colleague or a group, with a note (`chat:transfer`). */
  transfer(conversationId: string, to: TransferTarget, note: string): Promise<void>;
}

/** What the inbox tells the screen as it happens. */
export interface InboxEvents {
  /** An open conversation appeared after the first list (or while the console was offline). */
  newConversation(conversation: ConversationSummary): void;
  /** A visitor wrote in a conversation already listed (a new one is `newConversation`). */
  visitorMessage(message: ChatMessage, conversation: ConversationSummary): void;
  /**
   * An open conversation already listed changed hands (a group's turn, a hand-over, a reply):
   * `conversation` as it is now, `before` as it was.
   */
  holderChanged(conversation: ConversationSummary, before: ConversationSummary): void;
}

/** The inbox over `socket`, telling `events` of new conversations and visitor messages. */
export function useChatInbox(socket: Socket, events: InboxEvents): InboxConnection {
  const [state, dispatch] = useReducer(inboxReducer, emptyInbox);
  // A send fails long after a render: its reason is said in the language of then.
  const say = useErrorText();
  const sayError = useRef(say);
  sayError.current = say;
  // Socket handlers outlive renders: they read the latest state and callbacks through refs.
  const current = useRef(state);
  current.current = state;
  const notify = useRef(events);
  notify.current = events;

  const sync = (conversationId: string) =>
    ask<{ messages: ChatMessage[] }>(socket, 'chat:sync', {
      conversationId,
      afterSeq: lastSeq(current.current.threads.get(conversationId)),
    }).then(
      ({ messages }) => dispatch({ type: 'messages', conversationId, messages }),
      () => undefined, // the next reconnect asks again
    );

  useEffect(() => {
    const typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
    const announceNew = (conversation: ConversationSummary) => {
      if (conversation.status === 'open') notify.current.newConversation(conversation);
    };
    const load = async () => {
      try {
        const { conversations } = await ask<{ conversations: ConversationSummary[] }>(
          socket,
          'chat:list',
        );
        const before = current.current;
        // After a reconnect, conversations that started while offline are new too.
        if (before.listed) {
          for (const c of conversations) if (!before.conversations.has(c.id)) announceNew(c);
        }
        dispatch({ type: 'listed', conversations });
      } catch {
        return; // the next reconnect lists again
      }
      for (const id of current.current.threads.keys()) void sync(id);
    };
    const onConversation = (conversation: ConversationSummary) => {
      const before = current.current;
      const known = before.conversations.get(conversation.id);
      if (before.listed && !known) announceNew(conversation);
      else if (
        known &&
        conversation.status === 'open' &&
        known.assignee?.id !== conversation.assignee?.id
      ) {
        notify.current.holderChanged(conversation, known);
      }
      dispatch({ type: 'conversation', conversation });
    };
    const onMessage = (message: ChatMessage) => {
      const thread = current.current.threads.get(message.conversationId);
      const summary = current.current.conversations.get(message.conversationId);
      // Only a message the summary does not count yet is news (an echo or a repeat is not).
      if (message.author === 'visitor' && summary && message.seq > summary.lastSeq) {
        notify.current.visitorMessage(message, summary);
      }
      dispatch({ type: 'messages', conversationId: message.conversationId, messages: [message] });
      if (thread && message.seq > lastSeq(thread) + 1) void sync(message.conversationId);
    };
    const onTyping = ({ conversationId, typing }: ConversationTyping) => {
      clearTimeout(typingTimers.get(conversationId));
      dispatch({ type: 'typing', conversationId, typing });
      if (typing) {
        typingTimers.set(
          conversationId,
          setTimeout(
            () => dispatch({ type: 'typing', conversationId, typing: false }),
            TYPING_EXPIRES,
          ),
        );
      }
    };
    const onRead = ({ conversationId, upToSeq }: ConversationRead) =>
      dispatch({ type: 'readByVisitor', conversationId, upToSeq });
    const onDelivery = ({ conversationId, seq, delivery }: ChatDelivery) =>
      dispatch({ type: 'delivery', conversationId, seq, delivery });
    const onAttachment = ({ conversationId, seq, attachment }: ChatAttachmentUpdate) =>
      dispatch({ type: 'attachment', conversationId, seq, attachment });
    socket.on('connect', load);
    socket.on('chat:conversation', onConversation);
    socket.on('chat:message', onMessage);
    socket.on('chat:typing', onTyping);
    socket.on('chat:read', onRead);
    socket.on('chat:delivery', onDelivery);
    socket.on('chat:attachment', onAttachment);
    if (socket.connected) void load();
    return () => {
      for (const timer of typingTimers.values()) clearTimeout(timer);
      socket.off('connect', load);
      socket.off('chat:conversation', onConversation);
      socket.off('chat:message', onMessage);
      socket.off('chat:typing', onTyping);
      socket.off('chat:read', onRead);
      socket.off('chat:delivery', onDelivery);
      socket.off('chat:attachment', onAttachment);
    };
  }, [socket]);

  // Stable across renders, so what the screen derives from them (the typing signal) is too.
  const actions = useMemo(() => {
    const deliver = (conversationId: string, clientId: string, text: string) =>
      ask<{ message: ChatMessage }>(socket, 'chat:send', { conversationId, clientId, text }).then(
        ({ message }) => dispatch({ type: 'messages', conversationId, messages: [message] }),
        (error: Error) =>
          dispatch({ type: 'failed', conversationId, clientId, error: sayError.current(error) }),
      );
    return {
      async open(conversationId) {
        const detail = await ask<ConversationDetail>(socket, 'chat:open', { conversationId });
        dispatch({ type: 'opened', ...detail });
      },
      send(conversationId, text) {
        const clientId = crypto.randomUUID();
        dispatch({ type: 'pending', conversationId, clientId, text, at: new Date().toISOString() });
        void deliver(conversationId, clientId, text);
      },
      retry(conversationId, clientId) {
        const pending = current.current.threads
          .get(conversationId)
          ?.pending.find((p) => p.clientId === clientId);
        if (!pending) return;
        dispatch({ type: 'retrying', conversationId, clientId });
        void deliver(conversationId, clientId, pending.text);
      },
      typing(conversationId, typing) {
        socket.emit('chat:typing', { conversationId, typing });
      },
      markRead(conversationId) {
        const thread = current.current.threads.get(conversationId);
        const upToSeq = lastSeq(thread);
        if (!thread || upToSeq <= thread.readSent) return;
        socket.emit('chat:read', { conversationId, upToSeq });
        dispatch({ type: 'readSent', conversationId, upToSeq });
      },
      async close(conversationId) {
        await ask(socket, 'chat:close', { conversationId });
        // The platform announces the change too; showing it now does not wait for that.
        const summary = current.current.conversations.get(conversationId);
        if (summary && summary.status !== 'closed') {
          dispatch({
            type: 'conversation',
            conversation: { ...summary, status: 'closed', closedAt: new Date().toISOString() },
          });
        }
      },
      async transfer(conversationId, to, note) {
        // The platform announces the new holder (`chat:conversation`) to everyone concerned.
        await ask(socket, 'chat:transfer', { conversationId, to, note });
      },
    } satisfies Omit<InboxConnection, 'state'>;
  }, [socket]);
  return useMemo(() => ({ state, ...actions }), [state, actions]);
}
