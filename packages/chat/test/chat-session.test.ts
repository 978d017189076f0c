// @vitest-environment jsdom
import { type ChatSession, createChatSession } from '@frontdesk/chat';
import { createConsentStorage, PlatformError } from '@frontdesk/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryChat } from './memory-chat';

/** Lets queued microtasks and promise chains run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let server: MemoryChat;
let session: ChatSession | undefined;

function open(
  options: { storage?: ReturnType<typeof createConsentStorage>; now?: () => number } = {},
) {
  session = createChatSession({
    key: 'test-chat',
    accountTag: 'acme',
    storage: options.storage ?? createConsentStorage(false),
    connect: server.connect,
    timeZone: 'Europe/Berlin',
    page: () => ({ url: 'https://shop.example/cart', title: 'Cart' }),
    ...(options.now ? { now: options.now } : {}),
  });
  return session;
}

const texts = (s: ChatSession) => s.state.messages.map((m) => m.text);

beforeEach(() => {
  server = new MemoryChat();
  localStorage.clear();
  Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
});

afterEach(() => {
  session?.close();
  session = undefined;
  vi.useRealTimers();
});

describe('the outbox', () => {
  it('keeps what is written before the connection and sends it in order, each once', async () => {
    const s = open();
    s.send('one');
    s.send('  two  ');
    s.send('   ');
    s.send('three');
    expect(s.state.pending.map((m) => m.text)).toEqual(['one', 'two', 'three']);
    s.start();
    await settle();
    expect(server.messages().map((m) => [m.text, m.seq])).toEqual([
      ['one', 1],
      ['two', 2],
      ['three', 3],
    ]);
    expect(texts(s)).toEqual(['one', 'two', 'three']);
    expect(s.state.pending).toEqual([]);
    const sent = server.received.filter(([event]) => event === 'send').map(([, p]) => p);
    expect(sent[0]).toMatchObject({ text: 'one', page: { url: 'https://shop.example/cart' } });
    expect(new Set(sent.map((p) => (p as { clientId: string }).clientId)).size).toBe(3);
  });

  it('a lost acknowledgement never makes a second message: the same client id goes again', async () => {
    const s = open();
    s.start();
    await settle();
    server.loseAcks = 1;
    s.send('are you there?');
    await settle();
    expect(server.messages()).toHaveLength(1);
    expect(s.state.pending).toHaveLength(1);
    server.opened[0]?.drop();
    server.opened[0]?.connect();
    await settle();
    expect(server.messages().map((m) => m.text)).toEqual(['are you there?']);
    expect(texts(s)).toEqual(['are you there?']);
    expect(s.state.pending).toEqual([]);
  });

  it('waits offline and sends when the browser is back online', async () => {
    server.online = false;
    const s = open();
    s.start();
    await settle();
    expect(s.state.connection).toBe('offline');
    s.send('written offline');
    s.send('and again');
    await settle();
    expect(s.state.pending).toHaveLength(2);
    server.online = true;
    dispatchEvent(new Event('online'));
    await settle();
    expect(s.state.connection).toBe('online');
    expect(server.messages().map((m) => m.text)).toEqual(['written offline', 'and again']);
    expect(s.state.pending).toEqual([]);
  });

  it('outlives the page once the visitor wrote (consent-first storage), then goes out', async () => {
    const storage = createConsentStorage(false);
    server.online = false;
    const first = open({ storage });
    first.start();
    await settle();
    first.send('kept for later');
    first.close();
    expect(Object.keys(localStorage).some((key) => key.includes('outbox'))).toBe(true);
    // The next page load.
    server.online = true;
    const next = open({ storage: createConsentStorage(false) });
    expect(next.state.pending.map((m) => m.text)).toEqual(['kept for later']);
    next.start();
    await settle();
    expect(server.messages().map((m) => m.text)).toEqual(['kept for later']);
  });

  it('tries again later after a refusal that may pass, keeping the order', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const s = open();
    s.start();
    await vi.advanceTimersByTimeAsync(0);
    const handle = server.handle.bind(server);
    let refusals = 1;
    server.handle = (event, payload) =>
      event === 'send' && refusals-- > 0
        ? { ok: false, error: { code: 'rate_limited', message: 'Too many messages' } }
        : handle(event, payload);
    s.send('first');
    s.send('second');
    await vi.advanceTimersByTimeAsync(0);
    expect(server.messages()).toEqual([]);
    expect(s.state.pending).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(server.messages().map((m) => m.text)).toEqual(['first', 'second']);
    expect(s.state.failed).toEqual([]);
  });

  it('shows a message the platform refuses for good as not sent, and goes on with the rest', async () => {
    const s = open();
    s.start();
    await settle();
    s.send('x'.repeat(4001));
    s.send('short');
    await settle();
    expect(s.state.failed).toMatchObject([{ code: 'invalid' }]);
    expect(texts(s)).toEqual(['short']);
  });
});

describe('resync and dedupe', () => {
  it('asks for everything after its last sequence number on every welcome', async () => {
    server.operatorSays('before you came');
    const s = open();
    s.start();
    await settle();
    expect(texts(s)).toEqual(['before you came']);
    server.opened[0]?.drop();
    server.operatorSays('while you were away');
    server.opened[0]?.connect();
    await settle();
    const syncs = server.received.filter(([event]) => event === 'sync').map(([, p]) => p);
    expect(syncs).toEqual([{ afterSeq: 0 }, { afterSeq: 1 }]);
    expect(texts(s)).toEqual(['before you came', 'while you were away']);
  });

  it('resyncs when the page becomes visible again', async () => {
    const s = open();
    s.start();
    await settle();
    server.operatorSays('a push that never arrived', { push: false });
    document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(texts(s)).toEqual(['a push that never arrived']);
  });

  it('keeps one copy of a message however often it arrives', async () => {
    const s = open();
    s.start();
    await settle();
    const message = server.operatorSays('hello');
    server.push('message', message);
    server.push('message', { ...message, id: 'other-id' });
    s.resync();
    await settle();
    s.send('mine');
    await settle();
    // Another tab of the visitor: the platform echoes the visitor's own message.
    server.push('message', server.messages()[1]);
    expect(texts(s)).toEqual(['hello', 'mine']);
  });

  it('orders by sequence number, and fills a gap by asking', async () => {
    const s = open();
    s.start();
    await settle();
    server.operatorSays('first', { push: false });
    server.operatorSays('second');
    await settle();
    expect(texts(s)).toEqual(['first', 'second']);
    const syncs = server.received.filter(([event]) => event === 'sync');
    expect(syncs).toHaveLength(2);
  });

  it('starts over from the first message of a conversation it does not hold', async () => {
    const s = open();
    s.start();
    await settle();
    s.send('old question');
    await settle();
    server.close(false);
    // Another tab started a new conversation; this one learns of it on resync.
    server.opened[0]?.drop();
    const other = server.conversations.length;
    server.handle('send', { clientId: 'other-tab-0001', text: 'new question' });
    expect(server.conversations).toHaveLength(other + 1);
    server.opened[0]?.connect();
    await settle();
    expect(texts(s)).toEqual(['old question', 'new question']);
    expect(s.state.conversation?.id).toBe('c2');
  });
});

describe('the conversation', () => {
  it('counts unseen operator messages; seen() clears them and tells the operator once', async () => {
    const s = open();
    const states: number[] = [];
    s.subscribe((state) => states.push(state.unread));
    const heard: string[] = [];
    s.onIncoming((message) => heard.push(message.text));
    s.start();
    await settle();
    server.operatorSays('one');
    server.operatorSays('two');
    expect(s.state.unread).toBe(2);
    expect(heard).toEqual(['one', 'two']);
    s.seen();
    s.seen();
    expect(s.state.unread).toBe(0);
    expect(server.received.filter(([event]) => event === 'read')).toEqual([
      ['read', { upToSeq: 2 }],
    ]);
  });

  it('shows what the operator has read, and when the operator is typing', async () => {
    const s = open();
    s.start();
    await settle();
    s.send('hi');
    await settle();
    server.push('read', { upToSeq: 1 });
    expect(s.state.conversation?.readByOperatorSeq).toBe(1);
    server.push('typing', { typing: true });
    expect(s.state.operatorTyping).toBe(true);
    server.operatorSays('hello');
    expect(s.state.operatorTyping).toBe(false);
    server.push('typing', { typing: true });
    server.push('typing', { typing: false });
    expect(s.state.operatorTyping).toBe(false);
  });

  it('throttles its own typing and ends it after a pause or on send', async () => {
    let now = 0;
    const s = open({ now: () => now });
    s.start();
    await settle();
    vi.useFakeTimers();
    const typing = () => server.received.filter(([event]) => event === 'typing').map(([, p]) => p);
    s.typing();
    now = 1000;
    s.typing();
    now = 2000;
    s.typing();
    expect(typing()).toEqual([{ typing: true }]);
    now = 3500;
    s.typing();
    expect(typing()).toHaveLength(2);
    vi.advanceTimersByTime(4000);
    expect(typing()).toEqual([{ typing: true }, { typing: true }, { typing: false }]);
    now = 20_000;
    s.typing();
    s.send('done');
    expect(typing().slice(-2)).toEqual([{ typing: true }, { typing: false }]);
  });

  it('offers the rating once closed and stores it', async () => {
    const s = open();
    s.start();
    await settle();
    s.send('thanks, bye');
    await settle();
    server.close(true);
    expect(s.state.conversation).toMatchObject({ status: 'closed', ratingOffered: true });
    await s.rate('excellent');
    expect(s.state.conversation?.rating).toBe('excellent');
    expect(server.current()?.state.rating).toBe('excellent');
  });

  it('asks for the messenger link, connecting first; an error answer is a PlatformError with its code', async () => {
    const s = open();
    expect(s.state.connection).toBe('idle');
    await expect(s.handoff('telegram')).resolves.toBe('https://t.me/frontdesk_bot?start=ctx123');
    expect(server.opened).toHaveLength(1);
    expect(s.state.connection).toBe('online');
    const error = await s.handoff('facebook').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformError);
    expect(error).toMatchObject({ code: 'channel_off' });
  });

  it('asks nothing of a platform it cannot reach: the first connection fails, and so does the ask', async () => {
    server.online = false;
    const s = open();
    await expect(s.handoff('telegram')).rejects.toMatchObject({ code: 'network' });
    expect(s.state.connection).toBe('offline');
  });

  it('a closed session connects no more, whatever the window still asks', async () => {
    const s = open();
    s.close();
    s.typing();
    s.send('too late');
    await settle();
    expect(server.opened).toEqual([]);
  });

  it('connects nothing while the visitor only looks; typing connects, once', async () => {
    const s = open();
    s.seen();
    s.resync();
    await settle();
    expect(server.opened).toEqual([]);
    expect(s.state.connection).toBe('idle');
    s.typing();
    s.typing();
    await settle();
    expect(server.opened).toHaveLength(1);
    expect(s.state.connection).toBe('online');
  });

  it('keeps the visitor token only after the visitor interacts, and sends it next time', async () => {
    const storage = createConsentStorage(false);
    const s = open({ storage });
    s.start();
    await settle();
    expect(Object.keys(localStorage)).toEqual([]);
    s.send('hello');
    await settle();
    // Under the account's key: its callback widgets send the same token with their orders.
    expect(localStorage.getItem('frontdesk:visitor:acme')).toBe('visitor-token-1');
    s.close();
    const next = open({ storage: createConsentStorage(false) });
    next.start();
    await settle();
    expect(server.opened[1]?.handshakes[0]).toEqual({
      key: 'test-chat',
      visitorToken: 'visitor-token-1',
      timeZone: 'Europe/Berlin',
    });
  });

  it('follows presence and what the platform knows of the visitor, and leaves a contact', async () => {
    server.presence = 'nobody';
    server.contact = { name: null, phone: null, email: 'old@example.com' };
    const s = open();
    s.start();
    await settle();
    expect(s.state).toMatchObject({ presence: 'nobody', contact: server.contact });
    server.push('presence', { presence: 'online' });
    expect(s.state.presence).toBe('online');
    await s.leaveContact({ name: 'Ivan', phone: '8 916 123-45-67', consent: true });
    expect(server.received).toContainEqual([
      'leave-contact',
      { name: 'Ivan', phone: '8 916 123-45-67', consent: true },
    ]);
    // What the form gave, over what was known: the e-mail stays.
    expect(s.state.contact).toEqual({
      name: 'Ivan',
      phone: '8 916 123-45-67',
      email: 'old@example.com',
    });
    const refused = await s.leaveContact({ phone: '12' }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'invalid_phone', field: 'phone' });
    expect(s.state.contact?.phone).toBe('8 916 123-45-67');
  });

  it('tries a handshake refused for now again after a pause, and then sends', async () => {
    vi.useFakeTimers();
    server.refuse = 'rate_limited';
    const s = open();
    s.send('hello');
    s.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(s.state.connection).toBe('offline');
    server.refuse = undefined;
    await vi.advanceTimersByTimeAsync(19_000);
    expect(s.state.connection).toBe('offline');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(s.state.connection).toBe('online');
    expect(server.messages().map((m) => m.text)).toEqual(['hello']);
  });

  it('stops at a refused handshake', async () => {
    server.refuse = 'origin_not_allowed';
    const s = open();
    s.start();
    await settle();
    expect(s.state).toMatchObject({ connection: 'refused', refusal: 'origin_not_allowed' });
  });
});
