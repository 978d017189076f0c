/**
 * The visitor's side of the chat over real sockets: the handshake, sending (stored before the
 * ack, idempotent, numbered), resync, contacts, rating, hand-off and the limits.
 */
import type {
  ChatAck,
  ChatMessage,
  ConversationDetail,
  VisitorConversation,
} from '@frontdesk/config';
import { MAX_CHAT_MESSAGE } from '@frontdesk/config';
import type { Widget } from '@frontdesk/platform';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { SIGNALS_PER_MINUTE } from '../../src/chat/visitor-events';
import { chatWidget, connectVisitor, type VisitorClient } from '../support/chat';
import { engines } from '../support/databases';
import { connectOps } from '../support/ops-client';
import type { TestPlatform } from '../support/platform';
import { socketSuite } from '../support/socket-suite';

type Sent = ChatAck<{ message: ChatMessage }>;
type Synced = ChatAck<{ conversation: VisitorConversation | null; messages: ChatMessage[] }>;

let ids = 0;
/** A fresh client id. */
const cid = () => `client-${String(++ids).padStart(6, '0')}`;

describe.each(engines)('/chat visitors on $name', (engine) => {
  let t: TestPlatform;
  let widget: Widget;

  const suite = socketSuite(engine, { limits: { chatMessagesPerMinute: 1000 } });
  beforeAll(async () => {
    t = suite.t;
    widget = await chatWidget(t, { rating: true });
  });

  const visitor = async (visitorToken?: string, key = widget.key): Promise<VisitorClient> => {
    const client = await connectVisitor(t.url, { key, ...(visitorToken ? { visitorToken } : {}) });
    suite.keep(client);
    return client;
  };
  const operator = async (who: Parameters<typeof connectOps>[1] = 'operator') => {
    const client = await connectOps(t, who);
    suite.keep(client);
    return client;
  };
  const send = (client: VisitorClient, text: string, clientId = cid()) =>
    client.ask<Sent>('send', { clientId, text });

  it('acks the stored message; a retry with the same client id gets the same one, one row', async () => {
    const client = await visitor();
    const clientId = cid();
    const page = { url: 'https://shop.example/prices', title: 'Prices' };
    const first = await client.ask<Sent>('send', { clientId, text: 'Is it in stock?', page });
    expect(first).toEqual({
      ok: true,
      message: {
        id: expect.any(String),
        conversationId: expect.any(String),
        seq: 1,
        clientId,
        author: 'visitor',
        text: 'Is it in stock?',
        at: t.clock().toISOString(),
      },
    });
    const retry = await client.ask<Sent>('send', { clientId, text: 'Is it in stock?', page });
    expect(retry).toEqual(first);
    if (!first.ok) return;
    const rows = await suite.database.db
      .selectFrom('chat_messages')
      .select('id')
      .where('conversation_id', '=', first.message.conversationId)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('publishes to the operators a message stored just before its process failed, once, when it is resent', async () => {
    const oleg = await operator();
    const client = await visitor();
    const clientId = cid();
    const { chatMessages } = t.platform.store;
    const { visitorSend } = chatMessages;
    // The process stores the message and dies before it acks it or tells anyone.
    chatMessages.visitorSend = async (input) => {
      await visitorSend(input);
      throw new Error('killed between the commit and the ack');
    };
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await send(client, 'Stored, then the crash', clientId)).toMatchObject({
        ok: false,
        error: { code: 'internal' },
      });
    } finally {
      chatMessages.visitorSend = visitorSend;
      quiet.mockRestore();
    }
    // The widget sends it again under its client id: the stored message, and now the operator's
    // open console gets it live.
    const resent = await send(client, 'Stored, then the crash', clientId);
    if (!resent.ok) throw new Error(resent.error.message);
    expect(resent.message).toMatchObject({ seq: 1, clientId, text: 'Stored, then the crash' });
    expect(await oleg.next<ChatMessage>('chat:message', (m) => m.clientId === clientId)).toEqual(
      resent.message,
    );
    // Told once: another resend tells nobody again (the next message shows the events are through).
    expect(await send(client, 'Stored, then the crash', clientId)).toEqual(resent);
    const next = await send(client, 'And the next one');
    if (!next.ok) throw new Error(next.error.message);
    await oleg.next<ChatMessage>('chat:message', (m) => m.id === next.message.id);
    const told = oleg.received.filter(
      ([event, message]) =>
        event === 'chat:message' && (message as ChatMessage).clientId === clientId,
    );
    expect(told).toHaveLength(1);
  });

  it('tells the operators once of a message resent while its published mark is still being written', async () => {
    const oleg = await operator();
    const client = await visitor();
    const clientId = cid();
    const { chatMessages, conversations } = t.platform.store;
    const { markPublished } = chatMessages;
    const { get } = conversations;
    // A busy database: the mark of the message told to everyone is not written yet.
    let release = () => {};
    const written = new Promise<void>((resolve) => {
      release = resolve;
    });
    chatMessages.markPublished = async (ids, now) => {
      await written;
      return markPublished(ids, now);
    };
    let retry: Promise<Sent> | undefined;
    let first: Sent | undefined;
    try {
      first = await send(client, 'On a busy machine', clientId);
      if (!first.ok) throw new Error(first.error.message);
      const { conversationId } = first.message;
      await oleg.next<ChatMessage>('chat:message', (m) => m.clientId === clientId);
      // The widget resends it (no ack reached it in time) before the mark is written: the retry
      // finds it unmarked and reads its conversation, then is done with what it tells.
      let reached = () => {};
      const read = new Promise<void>((resolve) => {
        reached = resolve;
      });
      conversations.get = async (id) => {
        const found = await get(id);
        if (id === conversationId) reached();
        return found;
      };
      retry = send(client, 'On a busy machine', clientId);
      await read;
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      chatMessages.markPublished = markPublished;
      conversations.get = get;
      release();
    }
    expect(await retry).toEqual(first);
    const next = await send(client, 'And the next one');
    if (!next.ok) throw new Error(next.error.message);
    await oleg.next<ChatMessage>('chat:message', (m) => m.id === next.message.id);
    const told = oleg.received.filter(
      ([event, message]) =>
        event === 'chat:message' && (message as ChatMessage).clientId === clientId,
    );
    expect(told).toHaveLength(1);
  });

  it('numbers concurrent sends from several tabs 1…n and shows each tab the others', async () => {
    const a = await visitor();
    const b = await visitor(a.welcome.visitorToken);
    const texts = Array.from({ length: 12 }, (_, i) => `m${i}`);
    const acks = await Promise.all(texts.map((text, i) => send(i % 2 ? a : b, text)));
    const seqs = acks.map((ack) => (ack.ok ? ack.message.seq : 0)).sort((x, y) => x - y);
    expect(seqs).toEqual(texts.map((_, i) => i + 1));
    // Tab b hears every message a sent, and the other way round.
    const fromA = acks.filter((_, i) => i % 2).map((ack) => (ack.ok ? ack.message.id : ''));
    for (const id of fromA) await b.next<ChatMessage>('message', (m) => m.id === id);

    const synced = await a.ask<Synced>('sync', { afterSeq: 9 });
    if (!synced.ok) throw new Error(synced.error.message);
    expect(synced.messages.map((m) => m.seq)).toEqual([10, 11, 12]);
    expect(synced.conversation).toMatchObject({ status: 'open', lastSeq: 12, rating: null });
  });

  it('relays typing and read both ways', async () => {
    const client = await visitor();
    const sent = await send(client, 'Anyone there?');
    if (!sent.ok) throw new Error(sent.error.message);
    const { conversationId } = sent.message;
    const oleg = await operator();
    await client.ask('typing', { typing: true });
    expect(
      await oleg.next(
        'chat:typing',
        (e: { conversationId: string }) => e.conversationId === conversationId,
      ),
    ).toEqual({ conversationId, typing: true });
    await oleg.ask('chat:typing', { conversationId, typing: true });
    expect(await client.next('typing')).toEqual({ typing: true });

    const reply = await oleg.ask<Sent>('chat:send', {
      conversationId,
      clientId: cid(),
      text: 'Yes',
    });
    expect(reply.ok).toBe(true);
    await client.ask('read', { upToSeq: 2 });
    expect(
      await oleg.next(
        'chat:read',
        (e: { conversationId: string }) => e.conversationId === conversationId,
      ),
    ).toEqual({ conversationId, upToSeq: 2 });
    await oleg.ask('chat:read', { conversationId, upToSeq: 1 });
    expect(await client.next('read')).toEqual({ upToSeq: 1 });
  });

  it('saves the contact and lists past enquiries; rates once, only after closing', async () => {
    const client = await visitor();
    const first = await send(client, 'First enquiry');
    if (!first.ok) throw new Error(first.error.message);
    const firstId = first.message.conversationId;
    expect(await client.ask('rate', { conversationId: firstId, rating: 'good' })).toEqual({
      ok: false,
      error: { code: 'not_closed', message: expect.any(String), field: 'conversationId' },
    });
    expect(await client.ask('contact', { name: 'Ivan', phone: '+79991234567' })).toEqual({
      ok: true,
    });
    const admin = await operator('admin');
    expect(await admin.ask('chat:close', { conversationId: firstId })).toEqual({ ok: true });
    expect(await client.next('closed')).toEqual({ conversationId: firstId, ratingOffered: true });
    // Another visitor cannot rate it.
    const stranger = await visitor();
    expect(await stranger.ask('rate', { conversationId: firstId, rating: 'poor' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await client.ask('rate', { conversationId: firstId, rating: 'excellent' })).toEqual({
      ok: true,
    });
    expect(await client.ask('rate', { conversationId: firstId, rating: 'poor' })).toMatchObject({
      ok: false,
      error: { code: 'already_rated' },
    });

    const second = await send(client, 'Second enquiry');
    if (!second.ok) throw new Error(second.error.message);
    expect(second.message.conversationId).not.toBe(firstId);
    expect(second.message.seq).toBe(1);
    const detail = await admin.ask<ChatAck<ConversationDetail>>('chat:open', {
      conversationId: second.message.conversationId,
    });
    if (!detail.ok) throw new Error(detail.error.message);
    expect(detail.contact).toEqual({
      visitorId: detail.conversation.visitor.id,
      name: 'Ivan',
      phone: '+79991234567',
      email: null,
    });
    expect(detail.conversation.visitor).toMatchObject({ name: 'Ivan', online: true });
    expect(detail.messages.map((m) => m.text)).toEqual(['Second enquiry']);
    expect(detail.pastEnquiries).toHaveLength(1);
    expect(detail.pastEnquiries[0]).toMatchObject({
      id: firstId,
      status: 'closed',
      rating: 'excellent',
      lastMessage: { text: 'First enquiry' },
    });
  });

  it('answers oversize and malformed payloads naming the field', async () => {
    const client = await visitor();
    const oversize = await send(client, 'x'.repeat(MAX_CHAT_MESSAGE + 1));
    expect(oversize).toEqual({
      ok: false,
      error: {
        code: 'invalid',
        field: 'text',
        message: `must be at most ${MAX_CHAT_MESSAGE} characters`,
      },
    });
    expect(await client.ask('send', { clientId: 'short', text: 'hi' })).toMatchObject({
      ok: false,
      error: { code: 'invalid', field: 'clientId' },
    });
    expect(await client.ask('send', { clientId: cid(), text: '   ' })).toMatchObject({
      ok: false,
      error: { code: 'invalid', field: 'text' },
    });
    expect(
      await client.ask('send', { clientId: cid(), text: 'hi', page: { url: 'nope', title: '' } }),
    ).toMatchObject({ ok: false, error: { code: 'invalid', field: 'page.url' } });
    expect(await client.ask('sync', { afterSeq: -1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid', field: 'afterSeq' },
    });
    // Past the largest sequence number the database stores: PostgreSQL would refuse the query
    // that reads this conversation's messages after it.
    expect(await send(client, 'Something to sync')).toMatchObject({ ok: true });
    expect(await client.ask('sync', { afterSeq: 2 ** 31 })).toEqual({
      ok: false,
      error: { code: 'invalid', field: 'afterSeq', message: 'must be at most 2147483647' },
    });
    expect(await client.ask('read', { upToSeq: 2 ** 31 })).toMatchObject({
      ok: false,
      error: { code: 'invalid', field: 'upToSeq' },
    });
    expect(await client.ask('rate', { conversationId: 'x', rating: 'meh' })).toMatchObject({
      ok: false,
      error: { code: 'invalid', field: 'rating' },
    });
    expect(await client.ask('handoff', { channel: 'icq' })).toMatchObject({
      ok: false,
      error: { code: 'invalid', field: 'channel' },
    });
    const oleg = await operator();
    expect(await oleg.ask('chat:send', { conversationId: 'x', clientId: cid() })).toMatchObject({
      ok: false,
      error: { code: 'invalid', field: 'text' },
    });
    for (const [event, field] of [
      ['chat:sync', 'afterSeq'],
      ['chat:read', 'upToSeq'],
    ] as const) {
      expect(await oleg.ask(event, { conversationId: 'x', [field]: 2 ** 31 })).toMatchObject({
        ok: false,
        error: { code: 'invalid', field },
      });
    }
  });
});

describe.each(engines)('/chat limits and hand-off on $name', (engine) => {
  let t: TestPlatform;

  const suite = socketSuite(engine, {
    limits: { chatMessagesPerMinute: 3, chatHandoffsPerVisitor: 4 },
  });
  beforeAll(async () => {
    t = suite.t;
  });

  it("refuses a visitor's messages past the limit per minute, clearly, but never a retry", async () => {
    const widget = await chatWidget(t);
    const client = await connectVisitor(t.url, { key: widget.key });
    suite.keep(client);
    const first = await client.ask<Sent>('send', { clientId: cid(), text: '1' });
    await client.ask<Sent>('send', { clientId: cid(), text: '2' });
    await client.ask<Sent>('send', { clientId: cid(), text: '3' });
    expect(await client.ask('send', { clientId: cid(), text: '4' })).toEqual({
      ok: false,
      error: {
        code: 'rate_limited',
        message: expect.stringMatching(/^Too many messages; try again in \d+ s\.$/),
      },
    });
    if (!first.ok) throw new Error(first.error.message);
    expect(await client.ask('send', { clientId: first.message.clientId, text: '1' })).toEqual(
      first,
    );
  });

  it('links each enabled messenger with a token that resolves to the visitor, a few per visitor', async () => {
    const widget = await chatWidget(t);
    await t.platform.store.widgets.update(widget.id, {
      settings: {
        ...widget.settings,
        channels: {
          ...(widget.settings as { channels: object }).channels,
          telegram: {
            enabled: true,
            receiver: null,
            botToken: `123456:${'A'.repeat(30)}`,
            botName: 'shop_bot',
          },
          viber: {
            enabled: true,
            receiver: null,
            botToken: 'B'.repeat(20),
            botName: 'Shop',
            uri: 'shopbot',
          },
          vk: { enabled: true, receiver: null, groupId: 'shop' },
          facebook: { enabled: false, receiver: null, pageId: 'shoppage' },
        },
      } as never,
      now: t.clock().getTime(),
    });
    const client = await connectVisitor(t.url, { key: widget.key });
    suite.keep(client);
    const sent = await client.ask<Sent>('send', { clientId: cid(), text: 'Hi' });
    if (!sent.ok) throw new Error(sent.error.message);
    await client.ask('contact', { email: 'ivan@example.com' });
    const link = async (channel: string) => {
      const answer = await client.ask<ChatAck<{ url: string }>>('handoff', { channel });
      if (!answer.ok) throw new Error(answer.error.code);
      return answer.url;
    };
    const telegram = await link('telegram');
    expect(telegram).toMatch(/^https:\/\/t\.me\/shop_bot\?start=[A-Za-z0-9_-]{1,64}$/);
    expect(await link('viber')).toMatch(/^viber:\/\/pa\?chatURI=shopbot&context=[A-Za-z0-9_-]+$/);
    expect(await link('vk')).toMatch(/^https:\/\/vk\.me\/shop\?ref=[A-Za-z0-9_-]+$/);
    expect(await client.ask('handoff', { channel: 'facebook' })).toMatchObject({
      ok: false,
      error: { code: 'channel_not_enabled', field: 'channel' },
    });
    // The fourth link is this visitor's last for 10 minutes; another visitor still gets theirs.
    await link('telegram');
    expect(await client.ask('handoff', { channel: 'telegram' })).toEqual({
      ok: false,
      error: {
        code: 'rate_limited',
        message: expect.stringMatching(/^Too many messenger links; try again in \d+ s\.$/),
      },
    });
    const other = await connectVisitor(t.url, { key: widget.key });
    suite.keep(other);
    expect(await other.ask('handoff', { channel: 'vk' })).toMatchObject({ ok: true });

    const token = new URL(telegram).searchParams.get('start') ?? '';
    const staff = await t.signIn('operator');
    const resolved = await staff(`/v1/chat/handoff/${token}`);
    expect(resolved.status).toBe(200);
    expect(await resolved.json()).toEqual({
      visitorId: expect.any(String),
      conversationId: sent.message.conversationId,
      widgetKey: widget.key,
      channel: 'telegram',
      contact: {
        visitorId: expect.any(String),
        name: null,
        phone: null,
        email: 'ivan@example.com',
      },
    });
    expect((await staff('/v1/chat/handoff/unknown-token')).status).toBe(404);
    expect((await t.request(`/v1/chat/handoff/${token}`)).status).toBe(401);
    // The contact is a customer's: marketers see no chats.
    const marketer = await t.signIn('marketer');
    expect((await marketer(`/v1/chat/handoff/${token}`)).status).toBe(403);
  });

  it("limits a visitor's resyncs, contact changes and ratings, each apart from messages", async () => {
    const widget = await chatWidget(t);
    const client = await connectVisitor(t.url, { key: widget.key });
    suite.keep(client);
    const refused = (what: string) => ({
      ok: false,
      error: {
        code: 'rate_limited',
        message: expect.stringMatching(new RegExp(`^Too many ${what}; try again in \\d+ s\\.$`)),
      },
    });
    for (let i = 0; i < 3; i++) {
      expect(await client.ask('sync', { afterSeq: 0 })).toMatchObject({ ok: true });
    }
    expect(await client.ask('sync', { afterSeq: 0 })).toEqual(refused('resyncs'));
    // Another tab of the same visitor shares the count.
    const tab = await connectVisitor(t.url, {
      key: widget.key,
      visitorToken: client.welcome.visitorToken,
    });
    suite.keep(tab);
    expect(await tab.ask('sync', { afterSeq: 0 })).toEqual(refused('resyncs'));

    expect(await client.ask('contact', { name: 'Ivan' })).toEqual({ ok: true });
    expect(await client.ask('contact', { email: 'ivan@example.com' })).toEqual({ ok: true });
    expect(await client.ask('leave-contact', { email: 'ivan@example.com' })).toEqual({ ok: true });
    expect(await client.ask('contact', { name: 'Ivan' })).toEqual(refused('contact changes'));
    expect(await client.ask('leave-contact', { email: 'ivan@example.com' })).toEqual(
      refused('contact changes'),
    );

    for (let i = 0; i < 3; i++) {
      expect(await client.ask('rate', { conversationId: 'none', rating: 'good' })).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
    }
    expect(await client.ask('rate', { conversationId: 'none', rating: 'good' })).toEqual(
      refused('ratings'),
    );
    // Messages count apart.
    expect(await client.ask('send', { clientId: cid(), text: 'Still here' })).toMatchObject({
      ok: true,
    });
  });

  it('drops typing and read signals past their budget on one socket until the minute is over', async () => {
    const widget = await chatWidget(t);
    const client = await connectVisitor(t.url, { key: widget.key });
    suite.keep(client);
    for (const [event, payload] of [
      ['typing', { typing: true }],
      ['read', { upToSeq: 1 }],
    ] as const) {
      for (let i = 0; i < SIGNALS_PER_MINUTE; i++) {
        expect(await client.ask(event, payload)).toEqual({ ok: true });
      }
      expect(await client.ask(event, payload)).toMatchObject({
        ok: false,
        error: { code: 'rate_limited' },
      });
    }
    t.clock.advance(60_000);
    expect(await client.ask('typing', { typing: false })).toEqual({ ok: true });
    expect(await client.ask('read', { upToSeq: 1 })).toEqual({ ok: true });
  });
});
