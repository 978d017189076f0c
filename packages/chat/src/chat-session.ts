/**
 * The visitor's side of a chat, without any UI: the connection to `/chat` (through a
 * {@link ChatSocket}), the message list deduplicated by sequence number and client id, the
 * outbox sent in order once connected, resync (`sync { afterSeq }`) on every `welcome`, on the
 * page becoming visible and on `online`, typing (throttled), read receipts, unread count,
 * rating and messenger hand-off. Correctness never depends on socket.io's own recovery: the
 * platform is asked for what the session misses. It connects when started, or when the visitor
 * starts writing or asks something of the platform: a visitor who only looks at the window
 * fetches no socket code (see deferred-socket.ts).
 */
import type {
  ChatAuth,
  ChatClosed,
  ChatMessage,
  ChatPresence,
  ChatWelcome,
  VisitorConversation,
} from '@frontdesk/config';
import { outbox, typingSignal, uuid, visitorKey } from '@frontdesk/core';
import { ackRequests } from './ack-request';
import type { ChatSocket } from './chat-socket';
import type { ChatSession, ChatSessionOptions, ChatState, KeptMessage } from './chat-state';
import {
  contiguousSeq,
  fromCompany,
  type LogMark,
  lastFromCompany,
  mergeMessages,
  unseenAfter,
} from './message-log';
import { outboxSender } from './outbox-sender';
import { chatKeys } from './storage-keys';

/** Handshake refusals that retrying cannot change. */
const REFUSALS = new Set(['widget_not_found', 'origin_not_allowed', 'not_a_chat', 'invalid']);
/** An operator's typing indicator that was never ended goes out after this. */
const TYPING_STALE = 10_000;
/** After a refusal that may pass (rate limits, the platform's own failures), the outbox waits this long. */
const RETRY_PAUSE = 20_000;

/** Starts a chat session for widget `options.key`; see the module comment. */
export function createChatSession(options: ChatSessionOptions): ChatSession {
  const { storage, key } = options;
  const {
    token: TOKEN,
    outbox: OUTBOX,
    seen: SEEN,
  } = chatKeys(key, visitorKey(options.accountTag));
  const kept = outbox<KeptMessage>(storage, OUTBOX, (message) => message.clientId);
  const ackTimeout = options.ackTimeout ?? 15_000;
  const now = options.now ?? (() => Date.now());
  const listeners = new Set<(state: ChatState) => void>();
  const incoming = new Set<(message: ChatMessage) => void>();
  let socket: ChatSocket | undefined;
  /** Closed for good: nothing starts it again. */
  let ended = false;
  let synced = false;
  let staleTimer: ReturnType<typeof setTimeout> | undefined;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  /** The last `read` sent: conversation and sequence number. */
  let readSent: [string, number] = ['', 0];
  let state: ChatState = {
    connection: 'idle',
    conversation: null,
    messages: [],
    pending: kept.list(),
    failed: [],
    operatorTyping: false,
    unread: 0,
  };

  const update = (change: Partial<ChatState>) => {
    state = { ...state, ...change, pending: kept.list() };
    state.unread = unseen(state.messages).length;
    for (const listener of listeners) listener(state);
  };

  /** The last seen message. */
  const seenMark = (): LogMark | undefined => {
    try {
      const mark = JSON.parse(storage.get(SEEN) ?? 'null');
      return Array.isArray(mark) ? (mark as [string, number]) : undefined;
    } catch {
      return undefined;
    }
  };
  /** The company's messages after the last seen one. */
  const unseen = (messages: readonly ChatMessage[]) => unseenAfter(messages, seenMark());

  /** The highest seq of the current conversation held with every one before it. */
  const contiguous = () => contiguousSeq(state.messages, state.conversation?.id);

  /**
   * Adds what is new of `batch` (a message is known by its place in its conversation, or by its
   * client id) and takes the visitor's stored ones out of the outbox; returns what was added.
   */
  const merge = (batch: readonly ChatMessage[]) => {
    const { messages, added } = mergeMessages(state.messages, batch);
    for (const message of added) if (message.clientId) kept.drop(message.clientId);
    if (!added.length) return added;
    const last = messages[messages.length - 1] as ChatMessage;
    let conversation = state.conversation;
    if (conversation?.id !== last.conversationId) {
      // The visitor's first message after a closed chat starts a new conversation.
      conversation = {
        id: last.conversationId,
        status: 'open',
        lastSeq: 0,
        readByOperatorSeq: 0,
        ratingOffered: false,
        rating: null,
      };
    }
    conversation = { ...conversation, lastSeq: Math.max(conversation.lastSeq, last.seq) };
    const typingEnds = added.some(fromCompany) ? { operatorTyping: false } : {};
    update({ messages, conversation, ...typingEnds });
    if (synced) {
      const fresh = new Set(unseen(messages));
      for (const message of added) {
        if (fresh.has(message)) for (const listener of incoming) listener(message);
      }
    }
    return added;
  };

  const { request, failAll } = ackRequests(() => socket, ackTimeout);

  const sender = outboxSender({
    kept,
    connected: () => socket?.connected === true,
    request,
    stored: (message) => {
      if (!merge([message]).length) update({});
    },
    refused: (message, code) => update({ failed: [...state.failed, { ...message, code }] }),
    pause: RETRY_PAUSE,
  });
  const flush = sender.flush;

  const adopt = (conversation: VisitorConversation | null) => {
    const current = state.conversation;
    // A conversation the session does not hold yet needs its history from the start.
    const other = conversation !== null && current?.id !== conversation.id;
    update({ conversation: conversation ?? current });
    return other;
  };

  const sync = (afterSeq: number): Promise<void> =>
    request<{ conversation: VisitorConversation | null; messages: ChatMessage[] }>('sync', {
      afterSeq,
    }).then(({ conversation, messages }): Promise<void> | undefined => {
      if (adopt(conversation) && afterSeq > 0) return sync(0);
      merge(messages);
      synced = true;
    });

  const resync = () => {
    if (!socket?.connected) return;
    sync(contiguous())
      .catch(() => undefined)
      .finally(() => void flush());
  };

  const onVisible = () => {
    if (document.visibilityState === 'visible') resync();
  };
  const onOnline = () => (socket?.connected ? resync() : socket?.connect());

  const typing = typingSignal(
    (typing) => {
      if (socket?.connected) socket.emit('typing', { typing });
    },
    { now },
  );

  /** Connects (once); see `ChatSession.start`. */
  const start = () => {
    if (socket || ended) return;
    update({ connection: 'connecting' });
    const auth = (): ChatAuth => {
      const visitorToken = storage.get(TOKEN);
      return {
        key,
        ...(visitorToken ? { visitorToken } : {}),
        ...(options.timeZone ? { timeZone: options.timeZone } : {}),
        ...(options.locale ? { locale: options.locale } : {}),
      };
    };
    const current = options.connect(auth);
    socket = current;
    current.on('welcome', (welcome: ChatWelcome) => {
      storage.set(TOKEN, welcome.visitorToken);
      update({
        connection: 'online',
        working: welcome.working,
        presence: welcome.presence,
        contact: welcome.contact,
      });
      if (adopt(welcome.conversation)) {
        // Another conversation than the one held: its messages from the first.
        sync(0)
          .catch(() => undefined)
          .finally(() => void flush());
      } else resync();
    });
    current.on('connect_error', (error: Error) => {
      if (REFUSALS.has(error?.message)) {
        update({ connection: 'refused', refusal: error.message });
        current.disconnect();
      } else {
        update({ connection: 'offline' });
        // Refused for now (the handshake limit per address, the platform's own failure):
        // socket.io will not try again, so the session does, after a pause.
        if (!current.active) {
          clearTimeout(reconnectTimer);
          reconnectTimer = setTimeout(() => current.connect(), RETRY_PAUSE);
        }
      }
    });
    current.on('disconnect', () => {
      failAll();
      update({ connection: 'offline', operatorTyping: false });
    });
    current.on('message', (message: ChatMessage) => {
      const held = message.conversationId === state.conversation?.id ? contiguous() : 0;
      merge([message]);
      // A gap before it: something was missed on the way.
      if (message.seq > held + 1) resync();
    });
    current.on('typing', ({ typing }: { typing: boolean }) => {
      clearTimeout(staleTimer);
      if (typing) staleTimer = setTimeout(() => update({ operatorTyping: false }), TYPING_STALE);
      update({ operatorTyping: typing === true });
    });
    current.on('read', ({ upToSeq }: { upToSeq: number }) => {
      const conversation = state.conversation;
      if (conversation && upToSeq > conversation.readByOperatorSeq) {
        update({ conversation: { ...conversation, readByOperatorSeq: upToSeq } });
      }
    });
    current.on('closed', (closed: ChatClosed) => {
      const conversation = state.conversation;
      if (conversation?.id !== closed.conversationId) return;
      update({
        conversation: { ...conversation, status: 'closed', ratingOffered: closed.ratingOffered },
        operatorTyping: false,
      });
    });
    current.on('presence', ({ presence }: ChatPresence) => update({ presence }));
    document.addEventListener('visibilitychange', onVisible);
    addEventListener('online', onOnline);
  };

  /**
   * Starts the session when it has not, and waits (at most `ackTimeout`) while its first
   * connection is on its way: what the visitor asks of the platform before they wrote (a
   * messenger link) goes once it is there, or fails as any request without a connection does.
   */
  const started = (): Promise<void> => {
    start();
    if (state.connection !== 'connecting') return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        listeners.delete(onChange);
        resolve();
      };
      const onChange = ({ connection }: ChatState) => {
        if (connection !== 'connecting') done();
      };
      const timer = setTimeout(done, ackTimeout);
      listeners.add(onChange);
    });
  };
  const ask = async <T>(event: string, payload: unknown): Promise<T> => {
    await started();
    return request<T>(event, payload);
  };

  return {
    get state() {
      return state;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onIncoming(listener) {
      incoming.add(listener);
      return () => incoming.delete(listener);
    },
    start,
    send(text) {
      const trimmed = text.trim();
      if (!trimmed) return;
      // Writing is the visitor's own interaction: the conversation may outlive the page now.
      storage.allow();
      start();
      typing.stop();
      const page = options.page?.();
      kept.keep({
        clientId: uuid(),
        text: trimmed,
        ...(page ? { page } : {}),
      });
      update({});
      void flush();
    },
    typing() {
      // The visitor starts writing: the moment to connect (see the module comment).
      start();
      if (socket?.connected) typing.typed();
    },
    seen() {
      const last = state.messages[state.messages.length - 1];
      if (last) storage.set(SEEN, JSON.stringify([last.conversationId, last.seq]));
      const id = state.conversation?.id ?? '';
      const upToSeq = lastFromCompany(state.messages, id);
      if ((readSent[0] !== id || upToSeq > readSent[1]) && upToSeq > 0 && socket?.connected) {
        readSent = [id, upToSeq];
        socket.emit('read', { upToSeq });
      }
      if (state.unread) update({});
    },
    resync,
    async rate(rating) {
      const conversation = state.conversation;
      if (!conversation) return;
      await ask('rate', { conversationId: conversation.id, rating });
      if (state.conversation?.id === conversation.id) {
        update({ conversation: { ...state.conversation, rating } });
      }
    },
    async handoff(channel) {
      const { url } = await ask<{ url: string }>('handoff', { channel });
      return url;
    },
    async contact(details) {
      await ask('contact', details);
    },
    async leaveContact(details) {
      await ask('leave-contact', details);
      const { name = null, phone = null, email = null } = state.contact ?? {};
      update({
        // The platform read the phone in E.164: what is kept here is only shown to the visitor.
        contact: {
          name: details.name || name,
          phone: details.phone || phone,
          email: details.email || email,
        },
      });
    },
    close() {
      ended = true;
      typing.stop();
      clearTimeout(staleTimer);
      sender.cancel();
      clearTimeout(reconnectTimer);
      document.removeEventListener('visibilitychange', onVisible);
      removeEventListener('online', onOnline);
      socket?.disconnect();
      listeners.clear();
      incoming.clear();
    },
  };
}
