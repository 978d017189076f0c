/**
 * The operators' side of the chat over real sockets: routing to an employee, a group or
 * everyone, the first reply taking the conversation, and what each operator sees.
 */
import type {
  ChatAck,
  ChatMessage,
  ChatPresence,
  ChatSettings,
  ConversationDetail,
  ConversationSummary,
  MissedList,
  Receiver,
} from '@frontdesk/config';
import type { User } from '@frontdesk/platform';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  chatWidget,
  connectVisitor,
  storedConversation,
  type VisitorClient,
} from '../support/chat';
import { engines } from '../support/databases';
import { connectOps, type OpsClient } from '../support/ops-client';
import type { TestPlatform } from '../support/platform';
import { socketSuite } from '../support/socket-suite';

type Sent = ChatAck<{ message: ChatMessage }>;
type Listed = ChatAck<{ conversations: ConversationSummary[] }>;

let ids = 0;
const cid = () => `ops-client-${String(++ids).padStart(6, '0')}`;

describe.each(engines)('/ops chat on $name', (engine) => {
  let t: TestPlatform;
  let olga: User;
  let otto: User;
  let groupId: string;

  const suite = socketSuite(engine);
  beforeAll(async () => {
    t = suite.t;
    olga = await t.addUser('operator', 'Olga Operator');
    otto = await t.addUser('operator', 'Otto Outsider');
    await t.platform.store.users.update(t.users.operator.id, {
      photoUrl: 'https://cdn.example/oleg.png',
    });
    const group = await t.platform.store.groups.create({
      accountId: t.accountId,
      name: 'Sales',
      memberIds: [t.users.operator.id, olga.id],
    });
    groupId = group.id;
  });

  const ops = async (who: Parameters<typeof connectOps>[1]): Promise<OpsClient> => {
    const client = await connectOps(t, who);
    suite.keep(client);
    return client;
  };
  const visitor = async (key: string): Promise<VisitorClient> => {
    const client = await connectVisitor(t.url, { key, timeZone: 'Asia/Yekaterinburg' });
    suite.keep(client);
    return client;
  };
  const listed = async (client: OpsClient) => {
    const answer = await client.ask<Listed>('chat:list', {});
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.conversations.map((c) => c.id);
  };

  it('shows a group conversation to every member; the first reply takes it, the other still sees it', async () => {
    const widget = await chatWidget(t, {
      receiver: { kind: 'group', id: groupId },
      showOperatorName: true,
      showOperatorPhoto: false,
    });
    const oleg = await ops('operator');
    const olgaClient = await ops(olga);
    const outsider = await ops(otto);
    const admin = await ops('admin');
    const client = await visitor(widget.key);
    // An operator of the group is online for this widget's visitors.
    expect(client.welcome.presence).toBe('online');
    const sent = await client.ask<Sent>('send', {
      clientId: cid(),
      text: 'Hello',
      page: { url: 'https://shop.example/cart', title: 'Cart' },
    });
    if (!sent.ok) throw new Error(sent.error.message);
    const { conversationId } = sent.message;
    const isIt = (c: ConversationSummary) => c.id === conversationId;
    const inIt = (m: ChatMessage) => m.conversationId === conversationId;

    const [atOleg, atOlga] = await Promise.all([
      oleg.next<ConversationSummary>('chat:conversation', isIt),
      olgaClient.next<ConversationSummary>('chat:conversation', isIt),
      oleg.next('chat:message', inIt),
      olgaClient.next('chat:message', inIt),
      admin.next('chat:message', inIt),
    ]);
    expect(atOlga).toEqual(atOleg);
    expect(atOleg).toMatchObject({
      id: conversationId,
      widget: { key: widget.key, name: 'Site chat' },
      status: 'open',
      receiver: { kind: 'group', id: groupId },
      assignee: null,
      visitor: {
        name: null,
        page: { url: 'https://shop.example/cart', title: 'Cart' },
        timeZone: 'Asia/Yekaterinburg',
        online: true,
      },
      lastMessage: { text: 'Hello', author: 'visitor' },
      lastSeq: 1,
      readByOperatorSeq: 0,
      unanswered: 1,
      enquiryStartedAt: t.clock().toISOString(),
    });
    expect(await listed(oleg)).toContain(conversationId);
    // What one operator read comes back in every summary: the console counts unread after it.
    await oleg.ask('chat:read', { conversationId, upToSeq: 1 });
    const relisted = await olgaClient.ask<Listed>('chat:list', {});
    expect(relisted.ok && relisted.conversations.find(isIt)?.readByOperatorSeq).toBe(1);
    expect(await listed(olgaClient)).toContain(conversationId);
    expect(await listed(admin)).toContain(conversationId);
    expect(await listed(outsider)).not.toContain(conversationId);
    expect(await outsider.ask('chat:open', { conversationId })).toMatchObject({
      ok: false,
      error: { code: 'not_found', field: 'conversationId' },
    });

    const reply = await olgaClient.ask<Sent>('chat:send', {
      conversationId,
      clientId: cid(),
      text: 'Hi, Olga here',
    });
    expect(reply).toMatchObject({
      ok: true,
      message: { seq: 2, author: 'operator', operator: { name: 'Olga Operator' } },
    });
    // The visitor sees the name (allowed) and no photo (not allowed, and Olga has none).
    expect(await client.next<ChatMessage>('message')).toMatchObject({
      seq: 2,
      author: 'operator',
      operator: { name: 'Olga Operator' },
      text: 'Hi, Olga here',
    });
    const taken = await oleg.next<ConversationSummary>(
      'chat:conversation',
      (c) => isIt(c) && c.assignee !== null,
    );
    expect(taken).toMatchObject({
      assignee: { id: olga.id, name: 'Olga Operator' },
      unanswered: 0,
      enquiryStartedAt: null,
    });
    expect(
      await oleg.ask('chat:send', { conversationId, clientId: cid(), text: 'Me too' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_yours', message: 'Olga Operator took this conversation.' },
    });
    // An admin may still answer.
    expect(
      await admin.ask('chat:send', { conversationId, clientId: cid(), text: 'Admin' }),
    ).toMatchObject({ ok: true });
    expect(await listed(oleg)).toContain(conversationId);
    const synced = await oleg.ask<ChatAck<{ messages: ChatMessage[] }>>('chat:sync', {
      conversationId,
      afterSeq: 1,
    });
    expect(synced.ok && synced.messages.map((m) => m.text)).toEqual(['Hi, Olga here', 'Admin']);
  });

  it('routes to one employee, shows photos only when allowed, and tells visitors who is online', async () => {
    const widget = await chatWidget(t, {
      receiver: { kind: 'employee', id: t.users.operator.id },
      showOperatorName: false,
      showOperatorPhoto: true,
    });
    const client = await visitor(widget.key);
    expect(client.welcome.presence).toBe('nobody');
    const oleg = await ops('operator');
    expect(await client.next('presence', (p: ChatPresence) => p.presence === 'online')).toEqual({
      presence: 'online',
    });
    const olgaClient = await ops(olga);
    const sent = await client.ask<Sent>('send', { clientId: cid(), text: 'For Oleg' });
    if (!sent.ok) throw new Error(sent.error.message);
    const { conversationId } = sent.message;
    expect(await listed(oleg)).toContain(conversationId);
    expect(await listed(olgaClient)).not.toContain(conversationId);
    await oleg.ask('chat:send', { conversationId, clientId: cid(), text: 'Oleg here' });
    const message = await client.next<ChatMessage>('message');
    expect(message.operator).toEqual({ photoUrl: 'https://cdn.example/oleg.png' });
    // The visitor leaves: the operator sees them offline.
    client.socket.close();
    expect(
      await oleg.next<ConversationSummary>(
        'chat:conversation',
        (c) => c.id === conversationId && !c.visitor.online,
      ),
    ).toMatchObject({ visitor: { online: false } });
  });

  it("shows in chat:open only the visitor's past enquiries and contact's timeline the operator may see", async () => {
    const widget = await chatWidget(t, { receiver: { kind: 'employee', id: olga.id } });
    const client = await visitor(widget.key);
    const admin = await ops('admin');
    const forOlga = await client.ask<Sent>('send', { clientId: cid(), text: 'For Olga only' });
    if (!forOlga.ok) throw new Error(forOlga.error.message);
    // Given, the visitor is a contact of the address book, whose timeline follows the same rule.
    await client.ask('contact', { email: 'seen-by-some@example.com' });
    await admin.ask('chat:close', { conversationId: forOlga.message.conversationId });
    // The marketer routes the chat to every operator; the visitor's next enquiry goes there.
    const settings = widget.settings as ChatSettings;
    await t.platform.store.widgets.update(widget.id, {
      settings: {
        ...settings,
        channels: { ...settings.channels, site: { ...settings.channels.site, receiver: null } },
      },
      now: t.clock().getTime(),
    });
    const forAll = await client.ask<Sent>('send', { clientId: cid(), text: 'For anyone' });
    if (!forAll.ok) throw new Error(forAll.error.message);
    const opened = async (who: OpsClient) => {
      const detail = await who.ask<ChatAck<ConversationDetail>>('chat:open', {
        conversationId: forAll.message.conversationId,
      });
      if (!detail.ok) throw new Error(detail.error.message);
      return {
        past: detail.pastEnquiries.map((c) => c.id),
        timeline: detail.contactTimeline?.enquiries.map((e) => e.id).sort(),
      };
    };
    const both = [forOlga.message.conversationId, forAll.message.conversationId].sort();
    expect(await opened(await ops(otto))).toEqual({
      past: [],
      timeline: [forAll.message.conversationId],
    });
    expect(await opened(await ops(olga))).toEqual({
      past: [forOlga.message.conversationId],
      timeline: both,
    });
    expect(await opened(admin)).toEqual({ past: [forOlga.message.conversationId], timeline: both });
  });

  it('publishes a reply stored just before its process failed to the visitor when the console resends it', async () => {
    const widget = await chatWidget(t, { receiver: null });
    const client = await visitor(widget.key);
    const sent = await client.ask<Sent>('send', { clientId: cid(), text: 'Hello?' });
    if (!sent.ok) throw new Error(sent.error.message);
    const oleg = await ops('operator');
    const reply = { conversationId: sent.message.conversationId, clientId: cid(), text: 'Hi!' };
    const { chatMessages } = t.platform.store;
    const { operatorSend } = chatMessages;
    chatMessages.operatorSend = async (input) => {
      await operatorSend(input);
      throw new Error('killed between the commit and the ack');
    };
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await oleg.ask('chat:send', reply)).toMatchObject({ error: { code: 'internal' } });
    } finally {
      chatMessages.operatorSend = operatorSend;
      quiet.mockRestore();
    }
    const resent = await oleg.ask<Sent>('chat:send', reply);
    if (!resent.ok) throw new Error(resent.error.message);
    expect(await client.next<ChatMessage>('message')).toMatchObject({
      id: resent.message.id,
      seq: 2,
      text: 'Hi!',
    });
  });

  it('sends a conversation with no receiver to every operator and admin, never to a marketer', async () => {
    const widget = await chatWidget(t, { receiver: null });
    const marketer = await ops('marketer');
    const oleg = await ops('operator');
    const olgaClient = await ops(olga);
    const admin = await ops('admin');
    const client = await visitor(widget.key);
    const sent = await client.ask<Sent>('send', { clientId: cid(), text: 'Anyone' });
    if (!sent.ok) throw new Error(sent.error.message);
    const { conversationId } = sent.message;
    await Promise.all(
      [oleg, olgaClient, admin].map((who) =>
        who.next('chat:message', (m: ChatMessage) => m.id === sent.message.id),
      ),
    );
    await client.ask('typing', { typing: true });
    await client.ask('read', { upToSeq: 1 });
    await oleg.next(
      'chat:typing',
      (e: { conversationId: string }) => e.conversationId === conversationId,
    );
    expect(await listed(olgaClient)).toContain(conversationId);
    // A console connecting now is announced to the whole account, the marketer too: the events
    // above, sent before it, would have reached the marketer by then.
    await ops(otto);
    await marketer.next('presence', (online: { id: string }[]) =>
      online.some((user) => user.id === otto.id),
    );
    expect(marketer.received.filter(([event]) => event.startsWith('chat:'))).toEqual([]);
  });

  it('lists what the operator may see before the limits: their conversation behind 200 newer ones of another', async () => {
    const widget = await chatWidget(t, { receiver: null });
    const { store } = t.platform;
    const open = async (receiver: Receiver) => {
      t.clock.advance(1);
      return (await storedConversation(store, widget, receiver, { now: t.clock().getTime() })).id;
    };
    const ottos = await open({ kind: 'employee', id: otto.id });
    // More than chat:list's open conversations (OPEN_CONVERSATIONS_LIMIT) and missed:list's chats.
    for (let i = 0; i < 200; i++) await open({ kind: 'employee', id: olga.id });
    // Missed since (MISSED_AFTER_SECONDS, 300 by default).
    t.clock.advance(301_000);
    const outsider = await ops(otto);
    expect(await listed(outsider)).toContain(ottos);
    const missed = await outsider.ask<ChatAck<MissedList>>('missed:list', {});
    if (!missed.ok) throw new Error(missed.error.message);
    expect(missed.chats.map((c) => c.id)).toContain(ottos);
  });
});
