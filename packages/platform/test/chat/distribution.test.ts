/**
 * Fair chat distribution over real sockets (issue 23): a distributing group gives each
 * conversation to one online member in turn, up to its limit, queues the rest, and moves one its
 * holder did not answer in time (test clock); hand-overs with a note; what everyone sees.
 */
import type {
  ChatAck,
  ChatMessage,
  ChatQueue,
  ConversationSummary,
  GroupChatRules,
} from '@frontdesk/config';
import type { User } from '@frontdesk/platform';
import { beforeAll, describe, expect, it } from 'vitest';
import { chatWidget, connectVisitor } from '../support/chat';
import { engines } from '../support/databases';
import { connectOps, type OpsClient } from '../support/ops-client';
import type { TestPlatform } from '../support/platform';
import { socketSuite } from '../support/socket-suite';

type Ack = ChatAck<object>;
type Sent = ChatAck<{ message: ChatMessage }>;

let ids = 0;
const cid = () => `dist-client-${String(++ids).padStart(6, '0')}`;

describe.each(engines)('chat distribution on $name', (engine) => {
  const suite = socketSuite(engine);
  let t: TestPlatform;
  let people = 0;
  beforeAll(() => {
    t = suite.t;
  });

  /** Fresh operators (nobody holds anything yet), a group of them with `rules`, its chat widget. */
  const team = async (rules: GroupChatRules, size = 3) => {
    const members: User[] = [];
    for (let i = 0; i < size; i++) members.push(await t.addUser('operator', `Member ${++people}`));
    const group = await t.platform.store.groups.create({
      accountId: t.accountId,
      name: `Team ${people}`,
      memberIds: members.map((m) => m.id),
      chatRules: rules,
    });
    const widget = await chatWidget(t, { receiver: { kind: 'group', id: group.id } });
    return { members, group, widget };
  };
  const ops = async (who: User): Promise<OpsClient> => suite.keep(await connectOps(t, who));
  /** A new visitor's first message; the conversation's id. */
  const enquiry = async (key: string, text = 'Hello'): Promise<string> => {
    const visitor = suite.keep(await connectVisitor(t.url, { key }));
    const sent = await visitor.ask<Sent>('send', { clientId: cid(), text });
    if (!sent.ok) throw new Error(sent.error.message);
    return sent.message.conversationId;
  };
  const holder = async (id: string) => (await t.platform.store.conversations.get(id))?.assignee?.id;
  /** Everything the distribution has to do now, done (the background turns included). */
  const settle = async () => {
    await t.platform.workers.distributeChats();
  };

  it('gives each conversation to one online member in turn, skips the offline and the full, queues the rest', async () => {
    const { members, widget, group } = await team({
      mode: 'distribute',
      limit: 1,
      answerSeconds: 0,
    });
    const [anna, boris, clara] = members as [User, User, User];
    const annaOps = await ops(anna);
    await ops(boris); // Clara stays offline.
    const first = await enquiry(widget.key);
    await settle();
    const second = await enquiry(widget.key);
    await settle();
    const third = await enquiry(widget.key);
    await settle();
    expect([await holder(first), await holder(second), await holder(third)]).toEqual([
      anna.id,
      boris.id,
      undefined,
    ]);
    expect(await holder(third)).not.toBe(clara.id);
    // Members see who holds each conversation, and the queue with its wait.
    const listed = await annaOps.ask<ChatAck<{ conversations: ConversationSummary[] }>>(
      'chat:list',
      {},
    );
    if (!listed.ok) throw new Error(listed.error.message);
    expect(listed.conversations.find((c) => c.id === second)?.assignee?.name).toBe(boris.name);
    t.clock.advance(90_000);
    const queues = await annaOps.ask<ChatAck<{ queues: ChatQueue[] }>>('chat:queues', {});
    if (!queues.ok) throw new Error(queues.error.message);
    expect(queues.queues).toEqual([
      { groupId: group.id, name: group.name, length: 1, longestWaitSeconds: 90 },
    ]);
    // Anna closes hers: she has room again, and the waiting one is hers.
    expect((await annaOps.ask<Ack>('chat:close', { conversationId: first })).ok).toBe(true);
    await expect.poll(() => holder(third)).toBe(anna.id);
    await annaOps.next<ChatQueue>('chat:queue', (q) => q.groupId === group.id && q.length === 0);
  });

  it('gives a new conversation out before its operators hear of it, so they hear who holds it', async () => {
    const { members, widget } = await team({ mode: 'distribute', limit: 2, answerSeconds: 0 }, 2);
    const [anna, boris] = members as [User, User];
    await ops(anna);
    const borisOps = await ops(boris);
    const id = await enquiry(widget.key);
    const first = await borisOps.next<ConversationSummary>('chat:conversation', (c) => c.id === id);
    expect(first.assignee).toEqual({ id: anna.id, name: anna.name });
    expect(first.queuedAt).toBeNull();
  });

  it('puts what nobody holds in the queue when a group starts distributing, and takes it out when it stops', async () => {
    const { members, widget, group } = await team(
      { mode: 'everyone', limit: 1, answerSeconds: 0 },
      2,
    );
    const id = await enquiry(widget.key);
    const started = (await t.platform.store.conversations.get(id))?.startedAt;
    expect((await t.platform.store.conversations.get(id))?.queuedAt).toBeNull();
    const distribute = { mode: 'distribute', limit: 1, answerSeconds: 0 } as const;
    await t.platform.store.groups.update(group.id, { chatRules: distribute });
    expect((await t.platform.store.conversations.get(id))?.queuedAt).toBe(started);
    await t.platform.store.groups.update(group.id, {
      chatRules: { ...distribute, mode: 'everyone' },
    });
    expect((await t.platform.store.conversations.get(id))?.queuedAt).toBeNull();
    // Distributing again with a member online: it is given out.
    await t.platform.store.groups.update(group.id, { chatRules: distribute });
    await ops(members[0] as User);
    await settle();
    expect(await holder(id)).toBe(members[0]?.id);
  });

  it('keeps everyone waiting with a limit of 0, until a member takes one by replying', async () => {
    const { members, widget } = await team({ mode: 'distribute', limit: 0, answerSeconds: 0 }, 2);
    const [anna] = members as [User];
    const annaOps = await ops(anna);
    const id = await enquiry(widget.key);
    await settle();
    expect(await holder(id)).toBeUndefined();
    const reply = await annaOps.ask<Sent>('chat:send', {
      conversationId: id,
      clientId: cid(),
      text: 'Hi',
    });
    expect(reply.ok).toBe(true);
    expect(await holder(id)).toBe(anna.id);
    expect((await t.platform.store.conversations.get(id))?.queuedAt).toBeNull();
  });

  it('moves a conversation its holder left unanswered past the first-answer time to the next member', async () => {
    const { members, widget } = await team({ mode: 'distribute', limit: 2, answerSeconds: 60 }, 2);
    const [anna, boris] = members as [User, User];
    await ops(anna);
    const borisOps = await ops(boris);
    const id = await enquiry(widget.key);
    await settle();
    expect(await holder(id)).toBe(anna.id);
    t.clock.advance(59_000);
    await settle();
    expect(await holder(id)).toBe(anna.id);
    t.clock.advance(2_000);
    await settle();
    const moved = await t.platform.store.conversations.get(id);
    expect(moved?.assignee?.id).toBe(boris.id);
    expect(moved?.transfer).toMatchObject({ reason: 'timeout', fromName: anna.name, note: null });
    await borisOps.next<ConversationSummary>(
      'chat:conversation',
      (c) => c.id === id && c.assignee?.id === boris.id && c.transfer?.reason === 'timeout',
    );
    // Boris answers in time: it stays his however long the visitor then takes.
    expect(
      (await borisOps.ask<Sent>('chat:send', { conversationId: id, clientId: cid(), text: 'Yes?' }))
        .ok,
    ).toBe(true);
    t.clock.advance(600_000);
    await settle();
    expect(await holder(id)).toBe(boris.id);
  });

  it('with nobody else free, leaves an overdue conversation with its holder until someone is', async () => {
    const { members, widget } = await team({ mode: 'distribute', limit: 1, answerSeconds: 30 }, 2);
    const [anna, boris] = members as [User, User];
    await ops(anna);
    const id = await enquiry(widget.key);
    await settle();
    t.clock.advance(31_000);
    await settle();
    expect(await holder(id)).toBe(anna.id);
    await ops(boris);
    await settle();
    expect(await holder(id)).toBe(boris.id);
  });

  it('hands a conversation to a colleague or to the group with a note; only its holder may', async () => {
    const { members, widget, group } = await team(
      { mode: 'everyone', limit: 3, answerSeconds: 0 },
      2,
    );
    const [anna, boris] = members as [User, User];
    const annaOps = await ops(anna);
    const borisOps = await ops(boris);
    const id = await enquiry(widget.key);
    await annaOps.ask<Sent>('chat:send', { conversationId: id, clientId: cid(), text: 'Hello!' });
    const notHers = await borisOps.ask<Ack>('chat:transfer', {
      conversationId: id,
      to: { kind: 'employee', id: boris.id },
    });
    expect(notHers).toMatchObject({
      ok: false,
      error: { code: 'not_yours', field: 'conversationId' },
    });
    const unknown = await annaOps.ask<Ack>('chat:transfer', {
      conversationId: id,
      to: { kind: 'employee', id: 'nobody' },
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found', field: 'to.id' } });
    const bad = await annaOps.ask<Ack>('chat:transfer', { conversationId: id, to: { kind: 'x' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid', field: 'to.kind' } });

    const handed = await annaOps.ask<Ack>('chat:transfer', {
      conversationId: id,
      to: { kind: 'employee', id: boris.id },
      note: '  Wants a refund for order 42  ',
    });
    expect(handed.ok).toBe(true);
    const told = await borisOps.next<ConversationSummary>(
      'chat:conversation',
      (c) => c.id === id && c.assignee?.id === boris.id,
    );
    expect(told.transfer).toMatchObject({
      reason: 'operator',
      from: anna.name,
      note: 'Wants a refund for order 42',
    });
    const annaNow = await annaOps.ask<Sent>('chat:send', {
      conversationId: id,
      clientId: cid(),
      text: 'x',
    });
    expect(annaNow).toMatchObject({ ok: false, error: { code: 'not_yours' } });

    expect(
      (
        await borisOps.ask<Ack>('chat:transfer', {
          conversationId: id,
          to: { kind: 'group', id: group.id },
        })
      ).ok,
    ).toBe(true);
    const back = await t.platform.store.conversations.get(id);
    expect(back).toMatchObject({ assignee: null, receiver: { kind: 'group', id: group.id } });
    // Everyone sees it and the first to reply takes it: no queue in this group.
    expect(back?.queuedAt).toBeNull();
  });
});
