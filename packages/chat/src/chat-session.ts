/**
 * The visitor's side of a chat, without any UI: the connection to `/chat` (through a
 * {@link ChatSocket}), the message list deduplicated by sequence number and client id, the
 * outbox sent in order once connected, resync (`sync { afterSeq }`) on every `welcome`, on the
 * page becoming visible and on `online`, typing (throttled), read receipts, unread count,
 * rating and messenger hand-off. Correctness never depends on socket.io's own recovery: the
 * platform is asked for what the session misses.
 */
import type {
  ChatAck,
  ChatAuth,
  ChatClosed,
  ChatMessage,
  ChatPresence,
  ChatRating,
  ChatWelcome,
  Messenger,
  Presence,
  VisitorConversation,
} from '@frontdesk/config';
import { type ConsentStorage, outbox, PlatformError, uuid, visitorKey } from '@frontdesk/core';
import type { ChatSocket, ConnectChat } from './chat-socket';
import { chatKeys } from './storage-keys';

/** Where the connection stands. */
export type Connection = 'idle' | 'connecting' | 'online' | 'offline' | 'refused';

/** A message waiting for the platform, kept in the widget's outbox under its client id. */
export interface KeptMessage {
  clientId: string;
  text: string;
  /** The page it was written on, for the operator. */
  page?: { url: string; title: string };
}

/** A message the platform refused for good (`invalid`: too long, malformed). */
export interface FailedMessage extends KeptMessage {
  code: string;
}

/** What the UI renders. */
export interface ChatState {
  connection: Connection;
  /** The platform's refusal code (`widget_not_found`, `origin_not_allowed`…). */
  refusal?: string;
  /** The platform's word on working time (undefined before the first `welcome`). */
  working?: boolean;
  /** Who can answer now (undefined before the first `welcome`). */
  presence?: Presence;
  /** What the visitor told the account before (undefined before the first `welcome`). */
  contact?: ChatWelcome['contact'];
  conversation: VisitorConversation | null;
  /** Stored messages in order: by conversation, then sequence number. */
  messages: readonly ChatMessage[];
  /** The visitor's messages not stored yet, oldest first. */
  pending: readonly KeptMessage[];
  failed: readonly FailedMessage[];
  operatorTyping: boolean;
  /** Operator and automatic messages the visitor has not seen. */
  unread: number;
}

/** What {@link createChatSession} needs. */
export interface ChatSessionOptions {
  key: string;
  /** The account's tag (public config): the visitor's token is the account's. */
  accountTag?: string | undefined;
  storage: ConsentStorage;
  connect: ConnectChat;
  /** The visitor's IANA time zone, for the operator. */
  timeZone?: string;
  /** The widget's language, for the auto-replies. */
  locale?: ChatAuth['locale'];
  /** The page each message is written on. */
  page?(): { url: string; title: string };
  /** How long an answer may take before the request counts as lost (ms). */
  ackTimeout?: number;
  now?(): number;
}

/** A running chat session. */
export interface ChatSession {
  readonly state: ChatState;
  /** Calls `listener` after every change; returns the unsubscribe. */
  subscribe(listener: (state: ChatState) => void): () => void;
  /** Calls `listener` for each new operator or automatic message after the first sync. */
  onIncoming(listener: (message: ChatMessage) => void): () => void;
  /** Connects (once). */
  start(): void;
  /** Puts `text` in the outbox and sends it as soon as it can. */
  send(text: string): void;
  /** The visitor typed: tells the operator, at most every few seconds. */
  typing(): void;
  /** The log is in view: everything in it counts as seen, and the operator learns it. */
  seen(): void;
  /** Asks the platform for what came after the last contiguous message. */
  resync(): void;
  /** Rates the closed conversation. */
  rate(rating: ChatRating): Promise<void>;
  /** The deep link that continues the conversation in `channel`. */
  handoff(channel: Messenger): Promise<string>;
  /** Tells the platform the visitor's name, phone or e-mail (saved as a contact). */
  contact(details: { name?: string; phone?: string; email?: string }): Promise<void>;
  /**
   * The form offered while nobody can answer (`leave-contact`): refused with the platform's
   * code and field; once saved, the state's `contact` has it.
   */
  leaveContact(details: {
    name?: string;
    phone?: string;
    email?: string;
    consent?: boolean;
  }): Promise<void>;
  /** Disconnects and stops listening. */
  close(): void;
}

/** Handshake refusals that retrying cannot change. */
const REFUSALS = new Set(['widget_not_found', 'origin_not_allowed', 'not_a_chat', 'invalid']);
/** Typing is sent again after this long of continued typing, and ends after this long idle. */
const TYPING_EVERY = 3000;
const TYPING_IDLE = 4000;
/** An operator's typing indicator that was never ended goes out after this. */
const TYPING_STALE = 10_000;
/** After a refusal that may pass (rate limits, the platform's own failures), the outbox waits this long. */
const RETRY_PAUSE = 20_000;

/** `true` for messages from the company's side. */
const fromCompany = (message: ChatMessage) =>
  message.author === 'operator' || message.author === 'auto';

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
  let synced = false;
  let flushing = false;
  /** When `typing: true` was last sent; undefined while the visitor is not typing. */
  let typingSince: number | undefined;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  let staleTimer: ReturnType<typeof setTimeout> | undefined;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  let pauseTimer: ReturnType<typeof setTimeout> | undefined;
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

  /** The last seen message, as `[conversationId, seq]`. */
  const seenMark = (): [string, number] | undefined => {
    try {
      const mark = JSON.parse(storage.get(SEEN) ?? 'null');
      return Array.isArray(mark) ? (mark as [string, number]) : undefined;
    } catch {
      return undefined;
    }
  };
  /** The company's messages after the last seen one. */
  const unseen = (messages: readonly ChatMessage[]) => {
    const mark = seenMark();
    const at = mark
      ? messages.findIndex((m) => m.conversationId === mark[0] && m.seq === mark[1])
      : -1;
    return messages.slice(at + 1).filter(fromCompany);
  };

  /** The highest seq of the current conversation held with every one before it. */
  const contiguousSeq = () => {
    const id = state.conversation?.id;
    const held = new Set(state.messages.filter((m) => m.conversationId === id).map((m) => m.seq));
    let seq = 0;
    while (held.has(seq + 1)) seq++;
    return seq;
  };

  /**
   * Adds what is new of `batch` (a message is known by its place in its conversation, or by its
   * client id) and takes the visitor's stored ones out of the outbox; returns what was added.
   */
  const merge = (batch: readonly ChatMessage[]) => {
    const messages = [...state.messages];
    const added: ChatMessage[] = [];
    for (const message of batch) {
      const known = messages.some(
        (m) =>
          (m.conversationId === message.conversationId && m.seq === message.seq) ||
          (message.clientId !== null && m.clientId === message.clientId),
      );
      if (known) continue;
      messages.push(message);
      added.push(message);
      if (message.clientId) kept.drop(message.clientId);
    }
    if (!added.length) return added;
    // Conversations in the order they started, each in its own sequence.
    const started = new Map<string, string>();
    for (const m of messages) {
      const first = started.get(m.conversationId);
      if (first === undefined || m.at < first) started.set(m.conversationId, m.at);
    }
    messages.sort((a, b) => {
      const byConversation = (started.get(a.conversationId) ?? '').localeCompare(
        started.get(b.conversationId) ?? '',
      );
      return byConversation || a.seq - b.seq;
    });
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

  /** Requests waiting for their answer: a lost connection fails them at once. */
  const waiting = new Set<(error: PlatformError) => void>();
  const lost = () => new PlatformError(0, 'network', 'No answer from the platform.');

  /** Sends `event` and waits for its `ChatAck` (a network error when none comes). */
  const request = <T>(event: string, payload: unknown) =>
    new Promise<T>((resolve, reject) => {
      const current = socket;
      if (!current?.connected) return reject(lost());
      const fail = (error: PlatformError) => {
        clearTimeout(timer);
        waiting.delete(fail);
        reject(error);
      };
      const timer = setTimeout(() => fail(lost()), ackTimeout);
      waiting.add(fail);
      current.emit(event, payload, (answer) => {
        clearTimeout(timer);
        waiting.delete(fail);
        const ack = answer as ChatAck<T> | undefined;
        if (ack?.ok) resolve(ack);
        else {
          const error = ack?.error;
          reject(
            new PlatformError(400, error?.code ?? 'unknown', error?.message ?? '', error?.field),
          );
        }
      });
    });

  /** Sends the outbox, one message at a time, in order; stops at the first that fails. */
  const flush = async () => {
    if (flushing) return;
    flushing = true;
    try {
      for (;;) {
        const [next] = kept.list();
        if (!next || !socket?.connected || pauseTimer) return;
        try {
          const { message } = await request<{ message: ChatMessage }>('send', next);
          kept.drop(next.clientId);
          if (!merge([message]).length) update({});
        } catch (error) {
          const code = error instanceof PlatformError ? error.code : 'unknown';
          if (code === 'network') return;
          if (code !== 'invalid') {
            // Rate limits, the platform's own failures: the same message, a little later.
            pauseTimer = setTimeout(() => {
              pauseTimer = undefined;
              void flush();
            }, RETRY_PAUSE);
            return;
          }
          // Refused for good (a payload the contract does not accept): shown as not sent.
          kept.drop(next.clientId);
          update({ failed: [...state.failed, { ...next, code }] });
        }
      }
    } finally {
      flushing = false;
    }
  };

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
    sync(contiguousSeq())
      .catch(() => undefined)
      .finally(() => void flush());
  };

  const onVisible = () => {
    if (document.visibilityState === 'visible') resync();
  };
  const onOnline = () => (socket?.connected ? resync() : socket?.connect());

  const stopTyping = () => {
    clearTimeout(typingTimer);
    if (typingSince !== undefined && socket?.connected) socket.emit('typing', { typing: false });
    typingSince = undefined;
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
    start() {
      if (socket) return;
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
        for (const fail of [...waiting]) fail(lost());
        update({ connection: 'offline', operatorTyping: false });
      });
      current.on('message', (message: ChatMessage) => {
        const held = message.conversationId === state.conversation?.id ? contiguousSeq() : 0;
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
    },
    send(text) {
      const trimmed = text.trim();
      if (!trimmed) return;
      // Writing is the visitor's own interaction: the conversation may outlive the page now.
      storage.allow();
      stopTyping();
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
      if (!socket?.connected) return;
      if (typingSince === undefined || now() - typingSince >= TYPING_EVERY) {
        socket.emit('typing', { typing: true });
        typingSince = now();
      }
      clearTimeout(typingTimer);
      typingTimer = setTimeout(stopTyping, TYPING_IDLE);
    },
    seen() {
      const last = state.messages[state.messages.length - 1];
      if (last) storage.set(SEEN, JSON.stringify([last.conversationId, last.seq]));
      const id = state.conversation?.id ?? '';
      const upToSeq = Math.max(
        0,
        ...state.messages
          .filter((m) => m.conversationId === id && fromCompany(m))
          .map((m) => m.seq),
      );
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
      await request('rate', { conversationId: conversation.id, rating });
      if (state.conversation?.id === conversation.id) {
        update({ conversation: { ...state.conversation, rating } });
      }
    },
    async handoff(channel) {
      const { url } = await request<{ url: string }>('handoff', { channel });
      return url;
    },
    async contact(details) {
      await request('contact', details);
    },
    async leaveContact(details) {
      await request('leave-contact', details);
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
      stopTyping();
      clearTimeout(staleTimer);
      clearTimeout(pauseTimer);
      clearTimeout(reconnectTimer);
      document.removeEventListener('visibilitychange', onVisible);
      removeEventListener('online', onOnline);
      socket?.disconnect();
      listeners.clear();
      incoming.clear();
    },
  };
}
