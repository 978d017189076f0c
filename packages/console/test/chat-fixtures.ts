/** Builders of `/ops` chat payloads and a socket stand-in that the tests drive as the platform. */
import type { ChatMessage, ConversationSummary } from '@frontdesk/config';
import type { Socket } from 'socket.io-client';

/** A conversation summary: an open, unassigned chat from visitor `v1`, changed by `change`. */
export function summary(change: Partial<ConversationSummary> = {}): ConversationSummary {
  return {
    id: 'c1',
    widget: { key: 'demo-chat', name: 'Site chat' },
    status: 'open',
    channel: 'site',
    receiver: { kind: 'group', id: 'g1' },
    assignee: null,
    queuedAt: null,
    transfer: null,
    visitor: {
      id: 'v1a2b3c4d5',
      name: null,
      page: { url: 'https://shop.example/prices', title: 'Prices' },
      timeZone: 'Asia/Tokyo',
      online: true,
    },
    lastMessage: null,
    lastSeq: 0,
    readByVisitorSeq: 0,
    readByOperatorSeq: 0,
    unanswered: 0,
    enquiryStartedAt: null,
    startedAt: '2026-03-04T07:00:00.000Z',
    closedAt: null,
    rating: null,
    ...change,
  };
}

/** A stored message number `seq` of conversation `c1`, from the visitor unless `change` says. */
export function message(seq: number, change: Partial<ChatMessage> = {}): ChatMessage {
  return {
    id: `m${seq}`,
    conversationId: 'c1',
    seq,
    clientId: `client-${seq}`,
    author: 'visitor',
    text: `message ${seq}`,
    at: new Date(Date.UTC(2026, 2, 4, 7, seq)).toISOString(),
    ...change,
  };
}

type Handler = (payload: unknown) => void;

/**
 * The platform's end of `/ops`: records what the console emits, answers acknowledged events
 * with `answers[event]` (an unanswered event stays pending), and pushes events with `push`.
 */
export class FakeOps {
  connected = true;
  readonly emitted: { event: string; payload: unknown }[] = [];
  readonly answers: Record<string, (payload: never) => unknown> = {};
  private readonly handlers = new Map<string, Set<Handler>>();

  on(event: string, handler: Handler) {
    if (!this.handlers.has(event)) this.handlers.set(event, new Set());
    this.handlers.get(event)?.add(handler);
    return this;
  }
  off(event: string, handler: Handler) {
    this.handlers.get(event)?.delete(handler);
    return this;
  }
  timeout() {
    return this;
  }
  disconnect() {
    this.connected = false;
    return this;
  }
  emit(event: string, payload: unknown) {
    this.emitted.push({ event, payload });
    return this;
  }
  emitWithAck(event: string, payload: unknown): Promise<unknown> {
    this.emitted.push({ event, payload });
    const answer = this.answers[event];
    return answer ? Promise.resolve(answer(payload as never)) : new Promise(() => undefined);
  }
  /** The platform sends `event` to the console. */
  push(event: string, payload?: unknown) {
    for (const handler of this.handlers.get(event) ?? []) handler(payload);
  }
  /** The payloads the console sent as `event`. */
  sent(event: string): unknown[] {
    return this.emitted.filter((e) => e.event === event).map((e) => e.payload);
  }
  /** As the console's code sees it. */
  get socket(): Socket {
    return this as unknown as Socket;
  }
}

/** The hostile strings every text and name in the console must show as plain text. */
export const XSS_CORPUS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=1</script>',
  'javascript:window.__xss=1',
  '<a href="javascript:window.__xss=1">click</a>',
  '"><svg onload=window.__xss=1>',
  '<iframe src="javascript:window.__xss=1"></iframe>',
];
