/**
 * Missed enquiries over `/ops` (issue 23), on both engines: a chat enquiry unanswered past
 * MISSED_AFTER_SECONDS, a site call that rang out, a callback order past its time are listed
 * until handled — a reply, marking the call handled, accepting the order — and consoles are told
 * when something becomes missed as the (test) clock moves.
 */
import type { ChatAck, ChatMessage, MissedList } from '@frontdesk/config';
import { defaultSettings } from '@frontdesk/config';
import { beforeAll, describe, expect, it } from 'vitest';
import { chatWidget, connectVisitor } from '../support/chat';
import { engines } from '../support/databases';
import { connectOps, type OpsClient } from '../support/ops-client';
import { automatic, callbackWidget, postOrder } from '../support/orders';
import type { TestPlatform } from '../support/platform';
import { socketSuite } from '../support/socket-suite';

type Sent = ChatAck<{ message: ChatMessage }>;

describe.each(engines)('missed enquiries on $name', (engine) => {
  const suite = socketSuite(engine, { env: { MISSED_AFTER_SECONDS: '120' } });
  let t: TestPlatform;
  beforeAll(() => {
    t = suite.t;
  });
  const missed = async (client: OpsClient) => {
    const answer = await client.ask<ChatAck<MissedList>>('missed:list', {});
    if (!answer.ok) throw new Error(answer.error.message);
    return {
      chats: answer.chats.map((c) => c.id),
      calls: answer.calls.map((c) => c.id),
      orders: answer.orders.map((o) => o.id),
    };
  };

  it('lists a chat nobody answered in time until an operator replies', async () => {
    const widget = await chatWidget(t, { receiver: null });
    const operator = suite.keep(await connectOps(t, 'operator'));
    const visitor = suite.keep(await connectVisitor(t.url, { key: widget.key }));
    const sent = await visitor.ask<Sent>('send', { clientId: 'missed-chat-01', text: 'Anyone?' });
    if (!sent.ok) throw new Error(sent.error.message);
    const id = sent.message.conversationId;
    await t.platform.workers.noticeMissed();
    t.clock.advance(119_000);
    await t.platform.workers.noticeMissed();
    expect((await missed(operator)).chats).not.toContain(id);
    t.clock.advance(2_000);
    await t.platform.workers.noticeMissed();
    await operator.next('missed:changed');
    expect((await missed(operator)).chats).toContain(id);
    await operator.ask<Sent>('chat:send', {
      conversationId: id,
      clientId: 'missed-reply-1',
      text: 'Here!',
    });
    expect((await missed(operator)).chats).not.toContain(id);
  });

  it('lists a site call that rang out until someone marks it handled', async () => {
    const widget = await t.platform.store.widgets.create({
      accountId: t.accountId,
      type: 'call',
      name: 'Call us',
      settings: defaultSettings('call'),
      now: t.clock().getTime(),
    });
    const call = (callId: string) =>
      t.platform.store.calls.start({
        callId,
        accountId: t.accountId,
        widgetId: widget.id,
        widgetName: widget.name,
        line: widget.sipLine ?? '',
        visitorId: 'v-1',
        page: { url: 'https://shop.example/', title: 'Shop' },
        utm: {},
        visitorTimeZone: null,
        startedAt: t.clock().getTime(),
      });
    await call('rang-out@test');
    await call('answered@test');
    await t.platform.store.calls.answer('answered@test', {
      at: t.clock().getTime(),
      operator: null,
    });
    const operator = suite.keep(await connectOps(t, 'operator'));
    const admin = suite.keep(await connectOps(t, 'admin'));
    t.clock.advance(30_000);
    await t.platform.store.calls.fail('rang-out@test', {
      at: t.clock().getTime(),
      status: 'no_answer',
      sipCode: 480,
    });
    await t.platform.workers.noticeMissed();
    await operator.next('missed:changed');
    const listed = await missed(operator);
    expect(listed.calls).toHaveLength(1);
    const [id] = listed.calls;
    expect(await operator.ask('missed:handle', { id })).toEqual({ ok: true });
    await admin.next('missed:changed');
    expect((await missed(admin)).calls).toEqual([]);
    expect(await operator.ask('missed:handle', { id })).toMatchObject({
      ok: false,
      error: { code: 'not_found', field: 'id' },
    });
  });

  it('lists an order past its time until it is accepted', async () => {
    const widget = await callbackWidget(t, { mode: automatic(null) });
    const response = await postOrder(t, widget.key, { phone: '+79991234567', now: true });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    await t.platform.workers.runDue();
    const operator = suite.keep(await connectOps(t, 'operator'));
    expect((await missed(operator)).orders).not.toContain(id);
    t.clock.advance(121_000);
    expect((await missed(operator)).orders).toContain(id);
    expect((await operator.ask<ChatAck<object>>('callback:accept', { id })).ok).toBe(true);
    expect((await missed(operator)).orders).not.toContain(id);
  });
});
