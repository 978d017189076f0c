/**
 * One visitor across the widgets of an account, on both engines: a callback order carrying the
 * visitor's token (the chat's, or one the callback widget made) makes its phone and name that
 * visitor's contact, which the chat's `welcome` then knows; a token of another account, a
 * refused order or the honeypot leave everything as it was.
 */
import { randomUUID } from 'node:crypto';
import type { ChatAck, ConversationDetail } from '@frontdesk/config';
import type { Widget } from '@frontdesk/platform';
import { beforeAll, describe, expect, it } from 'vitest';
import { chatWidget, connectVisitor, type VisitorClient } from '../support/chat';
import { engines } from '../support/databases';
import { connectOps } from '../support/ops-client';
import { callbackWidget, postOrder } from '../support/orders';
import type { TestPlatform } from '../support/platform';
import { socketSuite } from '../support/socket-suite';
import { newAccount } from '../support/store-fixtures';

/** Wednesday 4 March 2026, 10:00 in Moscow: the standard week is open. */
const OPEN = '2026-03-04T07:00:00Z';

describe.each(engines)('callback orders make the chat know the visitor on $name', (engine) => {
  let t: TestPlatform;
  let chat: Widget;
  let callback: Widget;

  const suite = socketSuite(engine, { limits: { ordersPerIp: 10_000, ordersPerPhone: 10_000 } });
  beforeAll(async () => {
    t = suite.t;
    t.clock.set(OPEN);
    chat = await chatWidget(t);
    callback = await callbackWidget(t);
  });

  const visitor = async (visitorToken?: string, key = chat.key): Promise<VisitorClient> => {
    const client = await connectVisitor(t.url, { key, ...(visitorToken ? { visitorToken } : {}) });
    suite.keep(client);
    return client;
  };
  const order = (body: Record<string, unknown>, idempotencyKey?: string) =>
    postOrder(
      t,
      callback.key,
      { phone: '8 (916) 123-45-67', now: true, ...body },
      {
        ...(idempotencyKey ? { idempotencyKey } : {}),
      },
    );

  it("gives the chat's visitor the order's phone and name, for the operator too", async () => {
    const first = await visitor();
    const { visitorToken } = first.welcome;
    expect(first.welcome.contact).toBeNull();
    const sent = await first.ask<ChatAck<{ message: { conversationId: string } }>>('send', {
      clientId: 'known-visitor-01',
      text: 'Hello',
    });
    if (!sent.ok) throw new Error(sent.error.message);
    const key = randomUUID();
    expect((await order({ name: 'Ivan', visitorToken }, key)).status).toBe(201);
    // A repeat of the order changes nothing and fails nothing.
    expect((await order({ name: 'Ivan', visitorToken }, key)).status).toBe(201);

    const again = await visitor(visitorToken);
    expect(again.welcome.visitorToken).toBe(visitorToken);
    expect(again.welcome.contact).toEqual({ name: 'Ivan', phone: '+79161234567', email: null });
    const operator = await connectOps(t, 'operator');
    suite.keep(operator);
    const detail = await operator.ask<ChatAck<ConversationDetail>>('chat:open', {
      conversationId: sent.message.conversationId,
    });
    if (!detail.ok) throw new Error(detail.error.message);
    expect(detail.contact).toMatchObject({ name: 'Ivan', phone: '+79161234567' });
  });

  it('knows, in the chat, a visitor whose first contact was the callback widget', async () => {
    const made = `cb-${randomUUID()}`;
    // No name given: the contact has the phone only.
    expect((await order({ visitorToken: made })).status).toBe(201);
    const client = await visitor(made);
    expect(client.welcome.visitorToken).toBe(made);
    expect(client.welcome.contact).toEqual({ name: null, phone: '+79161234567', email: null });
    // Met by the callback widget, the visitor's chat is still the chat's.
    const sent = await client.ask<ChatAck<{ message: { conversationId: string } }>>('send', {
      clientId: 'known-visitor-02',
      text: 'About my order',
    });
    if (!sent.ok) throw new Error(sent.error.message);
    const operator = await connectOps(t, 'operator');
    suite.keep(operator);
    const detail = await operator.ask<ChatAck<ConversationDetail>>('chat:open', {
      conversationId: sent.message.conversationId,
    });
    expect(detail.ok && detail.conversation.widget.key).toBe(chat.key);
    // A later order of the same visitor with a name adds it; the phone stays.
    expect((await order({ visitorToken: made, name: 'Anna' })).status).toBe(201);
    expect((await visitor(made)).welcome.contact).toEqual({
      name: 'Anna',
      phone: '+79161234567',
      email: null,
    });
  });

  it("leaves another account's visitor, refused orders and the honeypot alone", async () => {
    const stranger = await t.platform.store.widgets.create({
      accountId: (await newAccount(t.platform.store)).id,
      type: 'chat',
      name: 'Another company',
      settings: chat.settings,
      now: t.clock().getTime(),
    });
    const abroad = await visitor(undefined, stranger.key);
    const theirs = abroad.welcome.visitorToken;
    expect((await order({ visitorToken: theirs, name: 'Ivan' })).status).toBe(201);
    expect((await visitor(theirs, stranger.key)).welcome.contact).toBeNull();

    const refused = `cb-${randomUUID()}`;
    expect((await order({ visitorToken: refused, phone: '12' })).status).toBe(400);
    const bot = `cb-${randomUUID()}`;
    expect((await order({ visitorToken: bot, website: 'https://spam.example' })).status).toBe(201);
    // Neither became a visitor: the chat issues new tokens for them.
    for (const token of [refused, bot]) {
      const client = await visitor(token);
      expect(client.welcome.visitorToken).not.toBe(token);
      expect(client.welcome.contact).toBeNull();
    }
  });

  it('refuses a malformed visitor token, naming it', async () => {
    const response = await order({ visitorToken: 'short' });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: 'invalid', field: 'visitorToken' });
  });
});
