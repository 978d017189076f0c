/**
 * `leave-contact` over real sockets on both engines: the chat's form while nobody can answer.
 * The contact it saves is the conversation's, for the operator; consent where the widget asks
 * for it; a phone read in the widget's country; fields left empty keep what was given before.
 */
import type { ChatAck, ConversationDetail } from '@frontdesk/config';
import { beforeAll, describe, expect, it } from 'vitest';
import { chatWidget, connectVisitor, type VisitorClient } from '../support/chat';
import { engines } from '../support/databases';
import { connectOps } from '../support/ops-client';
import type { TestPlatform } from '../support/platform';
import { socketSuite } from '../support/socket-suite';

describe.each(engines)('leave-contact on $name', (engine) => {
  let t: TestPlatform;

  const suite = socketSuite(engine);
  beforeAll(async () => {
    t = suite.t;
  });

  const visitor = async (key: string, visitorToken?: string): Promise<VisitorClient> => {
    const client = await connectVisitor(t.url, { key, ...(visitorToken ? { visitorToken } : {}) });
    suite.keep(client);
    return client;
  };
  /** The visitor writes, and the operator opens the conversation: its contact. */
  const contactSeen = async (client: VisitorClient) => {
    const sent = await client.ask<ChatAck<{ message: { conversationId: string } }>>('send', {
      clientId: `leave-${Math.random().toString(36).slice(2, 12)}`,
      text: 'Is anyone there?',
    });
    if (!sent.ok) throw new Error(sent.error.message);
    const operator = await connectOps(t, 'operator');
    suite.keep(operator);
    const detail = await operator.ask<ChatAck<ConversationDetail>>('chat:open', {
      conversationId: sent.message.conversationId,
    });
    if (!detail.ok) throw new Error(detail.error.message);
    return detail.contact;
  };

  it("saves the form as the conversation's contact, the phone as the country reads it", async () => {
    const widget = await chatWidget(t);
    const client = await visitor(widget.key);
    expect(
      await client.ask('leave-contact', { name: ' Ivan ', phone: '8 (916) 123-45-67' }),
    ).toEqual({ ok: true });
    // An e-mail later: the phone and the name stay.
    expect(await client.ask('leave-contact', { email: 'ivan@example.com' })).toEqual({ ok: true });
    expect(await contactSeen(client)).toMatchObject({
      name: 'Ivan',
      phone: '+79161234567',
      email: 'ivan@example.com',
    });
    // The next visit knows it.
    const back = await visitor(widget.key, client.welcome.visitorToken);
    expect(back.welcome.contact).toEqual({
      name: 'Ivan',
      phone: '+79161234567',
      email: 'ivan@example.com',
    });
  });

  it('asks for consent where the widget does, and saves nothing without it', async () => {
    const widget = await chatWidget(t, {}, { consent: { required: true } });
    const client = await visitor(widget.key);
    expect(await client.ask('leave-contact', { phone: '+79161234567' })).toEqual({
      ok: false,
      error: { code: 'consent_required', message: expect.any(String), field: 'consent' },
    });
    expect(await contactSeen(client)).toBeNull();
    expect(await client.ask('leave-contact', { phone: '+79161234567', consent: true })).toEqual({
      ok: true,
    });
    expect((await visitor(widget.key, client.welcome.visitorToken)).welcome.contact).toMatchObject({
      phone: '+79161234567',
    });
  });

  it('names the field of a number that is none, a bad e-mail, or neither given', async () => {
    const widget = await chatWidget(t);
    const client = await visitor(widget.key);
    expect(await client.ask('leave-contact', { phone: '12345' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_phone', field: 'phone' },
    });
    expect(await client.ask('leave-contact', { email: 'ivan@mailru' })).toMatchObject({
      ok: false,
      error: { code: 'invalid', field: 'email' },
    });
    expect(await client.ask('leave-contact', { name: 'Ivan' })).toMatchObject({
      ok: false,
      error: { code: 'invalid', field: 'phone' },
    });
    expect(await contactSeen(client)).toBeNull();
  });
});
