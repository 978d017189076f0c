/**
 * A plain in-memory stand-in for the platform's `/chat` namespace, speaking the contract of
 * packages/platform/CHAT.md through the session's `ChatSocket` interface: stores before it acks,
 * one message per client id, sequence numbers per conversation, `sync { afterSeq }`. Tests
 * can take the network down, lose acknowledgements, and play the operator.
 */

import type { ChatSocket, ConnectChat } from '@frontdesk/chat';
import type {
  ChatAuth,
  ChatMessage,
  ChatWelcome,
  Presence,
  VisitorConversation,
} from '@frontdesk/config';

type Listener = (...args: unknown[]) => void;

/** One socket of a visitor. */
export class MemorySocket implements ChatSocket {
  connected = false;
  /** As socket.io's: false after a refused handshake, which it does not retry. */
  active = true;
  readonly listeners = new Map<string, Listener[]>();
  /** The handshake each time it connected. */
  readonly handshakes: ChatAuth[] = [];

  constructor(
    private readonly server: MemoryChat,
    private readonly auth: () => ChatAuth,
  ) {
    queueMicrotask(() => this.connect());
  }

  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
  }

  fire(event: string, ...args: unknown[]) {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }

  connect() {
    if (this.connected) return;
    if (this.server.refuse) {
      this.active = false;
      return this.fire('connect_error', new Error(this.server.refuse));
    }
    this.active = true;
    if (!this.server.online) return this.fire('connect_error', new Error('websocket error'));
    const auth = this.auth();
    this.handshakes.push(auth);
    this.connected = true;
    this.server.sockets.add(this);
    this.fire('welcome', this.server.welcome(auth));
  }

  /** The connection drops (the network, or the platform went away). */
  drop() {
    if (!this.connected) return;
    this.connected = false;
    this.server.sockets.delete(this);
    this.fire('disconnect', 'transport close');
  }

  emit(event: string, payload: unknown, ack?: (answer: unknown) => void) {
    if (!this.connected) return;
    this.server.received.push([event, payload]);
    const answer = this.server.handle(event, payload);
    if (!ack || answer === undefined) return;
    if (this.server.loseAcks > 0) {
      this.server.loseAcks--;
      return;
    }
    queueMicrotask(() => ack(answer));
  }

  disconnect() {
    this.drop();
  }
}

/** The platform's side of one visitor's chat. */
export class MemoryChat {
  online = true;
  /** Refuse handshakes with this code. */
  refuse: string | undefined;
  /** How many of the next acks to lose (the request is still performed). */
  loseAcks = 0;
  working = true;
  presence: Presence = 'online';
  /** What the platform knows of the visitor (`welcome.contact`). */
  contact: ChatWelcome['contact'] = null;
  readonly sockets = new Set<MemorySocket>();
  readonly opened: MemorySocket[] = [];
  readonly received: [string, unknown][] = [];
  /** Every conversation of the visitor, the last one current. */
  readonly conversations: { state: VisitorConversation; messages: ChatMessage[] }[] = [];
  private ids = 0;

  /** What the session connects with. */
  readonly connect: ConnectChat = (auth) => {
    const socket = new MemorySocket(this, auth);
    this.opened.push(socket);
    return socket;
  };

  welcome(_: ChatAuth): ChatWelcome {
    return {
      visitorToken: 'visitor-token-1',
      conversation: this.current()?.state ?? null,
      working: this.working,
      presence: this.presence,
      contact: this.contact,
    };
  }

  current() {
    return this.conversations[this.conversations.length - 1];
  }

  /** Every stored message, in order. */
  messages(): ChatMessage[] {
    return this.conversations.flatMap((c) => c.messages);
  }

  private store(
    author: ChatMessage['author'],
    text: string,
    clientId: string | null,
    extra: Partial<ChatMessage> = {},
  ) {
    let conversation = this.current();
    if (!conversation || conversation.state.status === 'closed') {
      conversation = {
        state: {
          id: `c${this.conversations.length + 1}`,
          status: 'open',
          lastSeq: 0,
          readByOperatorSeq: 0,
          ratingOffered: false,
          rating: null,
        },
        messages: [],
      };
      this.conversations.push(conversation);
    }
    const seq = conversation.state.lastSeq + 1;
    conversation.state = { ...conversation.state, lastSeq: seq };
    const message: ChatMessage = {
      id: `m${++this.ids}`,
      conversationId: conversation.state.id,
      seq,
      clientId,
      author,
      text,
      at: new Date(Date.UTC(2026, 2, 4, 7, 0, this.ids)).toISOString(),
      ...extra,
    };
    conversation.messages.push(message);
    return message;
  }

  /** The operator writes; `push: false` stores it without telling any socket (a lost push). */
  operatorSays(text: string, options: { push?: boolean; name?: string; photoUrl?: string } = {}) {
    const operator = {
      ...(options.name ? { name: options.name } : {}),
      ...(options.photoUrl ? { photoUrl: options.photoUrl } : {}),
    };
    const message = this.store('operator', text, null, { operator });
    if (options.push !== false) for (const socket of this.sockets) socket.fire('message', message);
    return message;
  }

  /** Pushes `event` to every connected socket. */
  push(event: string, payload: unknown) {
    for (const socket of this.sockets) socket.fire(event, payload);
  }

  /** The operator closes the conversation. */
  close(ratingOffered = true) {
    const conversation = this.current();
    if (!conversation) return;
    conversation.state = { ...conversation.state, status: 'closed', ratingOffered };
    this.push('closed', { conversationId: conversation.state.id, ratingOffered });
  }

  handle(event: string, payload: unknown): unknown {
    const body = payload as Record<string, unknown>;
    switch (event) {
      case 'send': {
        const clientId = String(body.clientId);
        const stored = this.messages().find((m) => m.clientId === clientId);
        if (typeof body.text !== 'string' || body.text.length > 4000) {
          return { ok: false, error: { code: 'invalid', message: 'too long', field: 'text' } };
        }
        return { ok: true, message: stored ?? this.store('visitor', body.text, clientId) };
      }
      case 'sync': {
        const afterSeq = Number(body.afterSeq);
        const current = this.current();
        return {
          ok: true,
          conversation: current?.state ?? null,
          messages: current?.messages.filter((m) => m.seq > afterSeq) ?? [],
        };
      }
      case 'rate': {
        const conversation = this.conversations.find((c) => c.state.id === body.conversationId);
        if (!conversation) return { ok: false, error: { code: 'not_found', message: '' } };
        conversation.state = { ...conversation.state, rating: body.rating as 'good' };
        return { ok: true };
      }
      case 'contact':
        return { ok: true };
      case 'leave-contact':
        if (body.phone === '12') {
          return { ok: false, error: { code: 'invalid_phone', message: 'No', field: 'phone' } };
        }
        return { ok: true };
      case 'handoff':
        if (body.channel === 'telegram') {
          return { ok: true, url: 'https://t.me/frontdesk_bot?start=ctx123' };
        }
        if (body.channel === 'vk') return { ok: true, url: 'javascript:alert(1)' };
        return { ok: false, error: { code: 'channel_off', message: 'Not connected.' } };
      default:
        return undefined;
    }
  }
}
