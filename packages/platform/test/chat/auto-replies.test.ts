/**
 * Auto-replies over real sockets and the injected clock: after their delay, once per enquiry (the
 * conversation until it is closed), none once an operator has answered in it, once with two processes on one database, and after a restart;
 * and non-working time: one e-mail per message plus the non-working auto-reply.
 */
import type { ChatAck, ChatMessage, ChatSettings } from '@frontdesk/config';
import { createPlatform, type Platform, readEnv } from '@frontdesk/platform';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chatWidget, connectVisitor, type VisitorClient } from '../support/chat';
import { engines } from '../support/databases';
import { connectOps } from '../support/ops-client';
import type { TestPlatform } from '../support/platform';
import { socketSuite } from '../support/socket-suite';

type Sent = ChatAck<{ message: ChatMessage }>;
type AutoReply = ChatSettings['channels']['site']['autoReplies'][number];

let ids = 0;
const cid = () => `auto-test-${String(++ids).padStart(6, '0')}`;

const replies: AutoReply[] = [
  { text: { ru: 'An operator will answer in a minute.' }, delaySeconds: 60, when: 'working' },
  { text: { ru: 'Sorry for the wait.' }, delaySeconds: 300, when: 'working' },
  {
    text: { ru: 'We are closed; we will write back in the morning.' },
    delaySeconds: 0,
    when: 'nonWorking',
  },
];
const closedWeek = { mon: null, tue: null, wed: null, thu: null, fri: null, sat: null, sun: null };

describe.each(engines)('auto-replies on $name', (engine) => {
  let t: TestPlatform;
  const others: Platform[] = [];

  const suite = socketSuite(engine);
  beforeAll(async () => {
    t = suite.t;
  });
  afterEach(async () => {
    for (const other of others.splice(0)) await other.close();
  });

  const visitor = async (key: string, url = t.url): Promise<VisitorClient> => {
    const client = await connectVisitor(url, { key });
    suite.keep(client);
    return client;
  };
  /** Another platform process on the same database (and the same clock). */
  const another = async () => {
    const other = await createPlatform({
      env: readEnv({ PORT: '0', DATA_DIR: '/nonexistent', WORKER_INTERVAL_MS: '0' }),
      clock: t.clock,
      database: suite.database,
    });
    others.push(other);
    return { other, url: await other.listen() };
  };
  const send = async (client: VisitorClient, text: string) => {
    const sent = await client.ask<Sent>('send', { clientId: cid(), text });
    if (!sent.ok) throw new Error(sent.error.message);
    return sent.message;
  };
  const texts = async (conversationId: string) =>
    (await t.platform.store.chatMessages.since(conversationId, 0, 100)).map((m) => [
      m.author,
      m.text,
    ]);

  it('fires each working-time auto-reply after its delay, once per enquiry', async () => {
    const widget = await chatWidget(t, { autoReplies: replies });
    const client = await visitor(widget.key);
    const first = await send(client, 'Hello?');
    t.clock.advance(30_000);
    await send(client, 'Anyone?');
    t.clock.advance(29_999);
    expect(await t.platform.workers.fireAutoReplies()).toBe(0);
    t.clock.advance(1);
    expect(await t.platform.workers.fireAutoReplies()).toBe(1);
    expect(await client.next<ChatMessage>('message')).toMatchObject({
      author: 'auto',
      seq: 3,
      text: 'An operator will answer in a minute.',
      clientId: expect.stringMatching(/^auto-/),
    });
    expect(await t.platform.workers.fireAutoReplies()).toBe(0);
    t.clock.advance(240_000);
    expect(await t.platform.workers.fireAutoReplies()).toBe(1);
    t.clock.advance(3_600_000);
    expect(await t.platform.workers.fireAutoReplies()).toBe(0);
    expect(await texts(first.conversationId)).toEqual([
      ['visitor', 'Hello?'],
      ['visitor', 'Anyone?'],
      ['auto', 'An operator will answer in a minute.'],
      ['auto', 'Sorry for the wait.'],
    ]);
  });

  it("cancels an enquiry's auto-replies when an operator answers; none after that until it is closed", async () => {
    const widget = await chatWidget(t, { autoReplies: replies.slice(0, 1) });
    const client = await visitor(widget.key);
    const first = await send(client, 'Question one');
    const oleg = await connectOps(t, 'operator');
    suite.keep(oleg);
    const answer = (text: string) =>
      oleg.ask('chat:send', { conversationId: first.conversationId, clientId: cid(), text });
    t.clock.advance(59_000);
    await answer('Here');
    await answer('What can I do?');
    t.clock.advance(10_000);
    expect(await t.platform.workers.fireAutoReplies()).toBe(0);
    // A follow-up question of the same conversation: the operator is there, no auto-reply.
    await send(client, 'Question two');
    t.clock.advance(60_000);
    expect(await t.platform.workers.fireAutoReplies()).toBe(0);
    t.clock.advance(3_600_000);
    expect(await t.platform.workers.fireAutoReplies()).toBe(0);
    expect(await texts(first.conversationId)).toEqual([
      ['visitor', 'Question one'],
      ['operator', 'Here'],
      ['operator', 'What can I do?'],
      ['visitor', 'Question two'],
    ]);
    // Closed: the next message starts a new conversation, with its own auto-replies.
    expect(await oleg.ask('chat:close', { conversationId: first.conversationId })).toEqual({
      ok: true,
    });
    const next = await send(client, 'Question three');
    expect(next.conversationId).not.toBe(first.conversationId);
    t.clock.advance(60_000);
    expect(await t.platform.workers.fireAutoReplies()).toBe(1);
    expect(await texts(next.conversationId)).toEqual([
      ['visitor', 'Question three'],
      ['auto', 'An operator will answer in a minute.'],
    ]);
  });

  it('fires each due auto-reply once with two processes on one database', async () => {
    const widget = await chatWidget(t, { autoReplies: replies.slice(0, 1) });
    const client = await visitor(widget.key);
    const first = await send(client, 'Two processes');
    const second = await visitor(widget.key);
    const other = await send(second, 'And a restart');

    const b = await another();
    t.clock.advance(60_000);
    const fired = await Promise.all([
      t.platform.workers.fireAutoReplies(),
      b.other.workers.fireAutoReplies(),
      t.platform.workers.fireAutoReplies(),
      b.other.workers.fireAutoReplies(),
    ]);
    expect(fired.reduce((sum, n) => sum + n, 0)).toBe(2);
    for (const id of [first.conversationId, other.conversationId]) {
      expect((await texts(id)).filter(([author]) => author === 'auto')).toHaveLength(1);
    }
  });

  it('keeps auto-replies due across a restart (stored, not timers)', async () => {
    const widget = await chatWidget(t, { autoReplies: replies.slice(0, 1) });
    const first = await another();
    const client = await visitor(widget.key, first.url);
    const sent = await send(client, 'Before the restart');
    client.socket.close();
    await first.other.close();
    others.splice(others.indexOf(first.other), 1);

    const restarted = await another();
    t.clock.advance(60_000);
    expect(await restarted.other.workers.fireAutoReplies()).toBe(1);
    expect(await texts(sent.conversationId)).toEqual([
      ['visitor', 'Before the restart'],
      ['auto', 'An operator will answer in a minute.'],
    ]);
  });

  it('in non-working time e-mails each message once and sends the non-working auto-reply', async () => {
    const widget = await chatWidget(t, {
      autoReplies: replies,
      nonWorkingEmail: 'night@shop.example',
    });
    await t.platform.store.widgets.update(widget.id, {
      settings: {
        ...(widget.settings as ChatSettings),
        schedule: { ...(widget.settings as ChatSettings).schedule, week: closedWeek },
      },
      now: t.clock().getTime(),
    });
    const client = await visitor(widget.key);
    expect(client.welcome.working).toBe(false);
    await client.ask('contact', { name: 'Night Owl' });
    const first = await send(client, 'Are you open?');
    await client.ask('send', { clientId: first.clientId, text: 'Are you open?' });
    await send(client, 'Call me tomorrow');
    expect(await t.platform.workers.fireAutoReplies()).toBe(1);
    t.clock.advance(3_600_000);
    expect(await t.platform.workers.fireAutoReplies()).toBe(0);
    expect(await texts(first.conversationId)).toEqual([
      ['visitor', 'Are you open?'],
      ['visitor', 'Call me tomorrow'],
      ['auto', 'We are closed; we will write back in the morning.'],
    ]);
    const outbox = await t.platform.store.outbox.list({ accountId: t.accountId, limit: 100 });
    const mails = outbox.items.filter((m) => m.recipient === 'night@shop.example');
    expect(mails.map((m) => m.body.split('\n')[0]).sort()).toEqual([
      'Are you open?',
      'Call me tomorrow',
    ]);
    expect(mails[0]).toMatchObject({
      channel: 'email',
      kind: 'chat',
      orderId: null,
      status: 'pending',
      subject: 'Chat message out of hours: Site chat',
      body: expect.stringContaining('Name: Night Owl'),
    });
  });
});
