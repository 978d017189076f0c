/**
 * The address book over the real platform, on both engines: contacts made by callback orders and
 * the chat's forms, merged by phone and e-mail across browsers, searched (Cyrillic names, phones
 * in any format and by prefix, e-mails), edited, and each one's enquiries.
 */
import type {
  AddressBookContact,
  ChatAck,
  ChatMessage,
  ContactAnswer,
  ListPage,
} from '@frontdesk/config';
import { defaultSettings } from '@frontdesk/config';
import { beforeAll, describe, expect, it } from 'vitest';
import { sessionId } from '../../src/accounts';
import { chatWidget, connectVisitor } from '../support/chat';
import { engines } from '../support/databases';
import { callbackWidget, postOrder } from '../support/orders';
import type { TestPlatform } from '../support/platform';
import { socketSuite } from '../support/socket-suite';

const T0 = Date.parse('2026-03-04T07:00:00Z');
let ids = 0;
const cid = () => `book-test-${String(++ids).padStart(6, '0')}`;

describe.each(engines)('the address book on $name', (engine) => {
  let t: TestPlatform;
  const suite = socketSuite(engine);
  beforeAll(() => {
    t = suite.t;
    t.clock.set(new Date(T0).toISOString());
  });

  // One session for the file: signing in for every request would meet the sign-in limit.
  let signedIn: ReturnType<TestPlatform['signIn']> | undefined;
  const admin = async (path: string, init?: RequestInit) => {
    signedIn ??= t.signIn('operator');
    return (await signedIn)(path, init);
  };
  const contacts = async (q = '') => {
    const response = await admin(`/v1/admin/contacts${q ? `?q=${encodeURIComponent(q)}` : ''}`);
    expect(response.status, q).toBe(200);
    return ((await response.json()) as ListPage<AddressBookContact>).items;
  };
  const contactOf = async (phone: string) => {
    const [found, ...more] = await contacts(phone);
    expect(more).toEqual([]);
    if (!found) throw new Error(`no contact with ${phone}`);
    const response = await admin(`/v1/admin/contacts/${found.id}`);
    return (await response.json()) as ContactAnswer;
  };
  const chatWith = async (key: string, token?: string) => {
    const client = await connectVisitor(t.url, token ? { key, visitorToken: token } : { key });
    suite.keep(client);
    return client;
  };

  it('makes one contact of an order and a later chat with the same phone, both on its timeline', async () => {
    const callback = await callbackWidget(t);
    const chat = await chatWidget(t);
    const order = await postOrder(t, callback.key, {
      phone: '8 (999) 111-22-33',
      now: true,
      name: 'Иван Петров',
    });
    expect(order.status).toBe(201);
    const { id: orderId } = await order.json();
    t.clock.advance(60_000);
    // Another browser: the chat knows nothing of the order until the phone is given.
    const client = await chatWith(chat.key);
    const sent = await client.ask<ChatAck<{ message: ChatMessage }>>('send', {
      clientId: cid(),
      text: 'Did you call me?',
    });
    expect(sent.ok).toBe(true);
    await client.ask('contact', { phone: '+79991112233', email: 'Ivan@Example.COM' });

    const { contact, timeline } = await contactOf('+79991112233');
    expect(contact).toMatchObject({
      name: 'Иван Петров',
      phone: '+79991112233',
      email: 'ivan@example.com',
    });
    expect(timeline.map((e) => [e.kind, e.widgetName])).toEqual([
      ['chat', chat.name],
      ['callback', callback.name],
    ]);
    expect(timeline[1]?.id).toBe(orderId);
  });

  it('puts a call from the site placed with the visitor’s token on the contact’s timeline', async () => {
    const chat = await chatWidget(t);
    const client = await chatWith(chat.key);
    await client.ask('contact', { name: 'Caller', phone: '+79996667788' });
    const visitor = await t.platform.store.chatVisitors.byTokenHash(
      sessionId(client.welcome.visitorToken),
    );
    const callWidget = await t.platform.store.widgets.create({
      accountId: t.accountId,
      type: 'call',
      name: 'Call us',
      settings: defaultSettings('call'),
      now: T0,
    });
    t.clock.advance(60_000);
    await t.platform.store.calls.start({
      callId: 'book-call-1@test',
      accountId: t.accountId,
      widgetId: callWidget.id,
      widgetName: callWidget.name,
      line: callWidget.sipLine ?? '',
      visitorId: visitor?.id ?? '',
      page: { url: null, title: null },
      utm: {},
      visitorTimeZone: null,
      startedAt: t.clock().getTime(),
    });
    const { timeline } = await contactOf('+79996667788');
    expect(timeline.map((e) => [e.kind, e.widgetName, e.status])).toEqual([
      ['call', 'Call us', 'ringing'],
    ]);
  });

  it('merges two contacts when one person gives both their phone and their e-mail', async () => {
    const chat = await chatWidget(t);
    const callback = await callbackWidget(t);
    const byMail = await chatWith(chat.key);
    await byMail.ask('contact', { name: 'Olga', email: 'olga@example.com' });
    expect((await postOrder(t, callback.key, { phone: '+79992223344', now: true })).status).toBe(
      201,
    );
    expect(await contacts('olga@example.com')).toHaveLength(1);
    expect(await contacts('+79992223344')).toHaveLength(1);
    // The same browser now gives the order's phone: the two are one person.
    await byMail.ask('contact', { phone: '+79992223344' });
    const { contact, timeline } = await contactOf('+7 999 222-33-44');
    expect(contact).toMatchObject({ name: 'Olga', email: 'olga@example.com' });
    expect(timeline.map((e) => e.kind)).toEqual(['callback']);
    expect(await contacts('olga@')).toEqual([]);
    expect(await contacts('OLGA@example.com')).toEqual([contact]);
  });

  it('finds by a Cyrillic name in any case, by a phone’s first digits in any format', async () => {
    const callback = await callbackWidget(t);
    await postOrder(t, callback.key, { phone: '+79993334455', now: true, name: 'Пётр ЩУКИН' });
    expect((await contacts('щукин')).map((c) => c.name)).toEqual(['Пётр ЩУКИН']);
    expect((await contacts('ПЁТР')).map((c) => c.name)).toEqual(['Пётр ЩУКИН']);
    expect((await contacts('8 999 333')).map((c) => c.phone)).toEqual(['+79993334455']);
    expect((await contacts('+7999333')).map((c) => c.phone)).toEqual(['+79993334455']);
    expect(await contacts('7999334')).toEqual([]);
    expect(await contacts('100%')).toEqual([]);
    expect((await contacts('р_щ')).map((c) => c.name)).toEqual([]);
    expect((await contacts('р щ')).map((c) => c.name)).toEqual(['Пётр ЩУКИН']);
  });

  it('edits a contact, and names the field it refuses', async () => {
    const callback = await callbackWidget(t);
    await postOrder(t, callback.key, { phone: '+79994445566', now: true, name: 'Anna' });
    const { contact } = await contactOf('+79994445566');
    const patch = (id: string, body: unknown) =>
      admin(`/v1/admin/contacts/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const edited = await patch(contact.id, {
      name: 'Anna Smirnova',
      phone: '8 999 444-55-67',
      email: 'Anna@Example.com',
    });
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({
      name: 'Anna Smirnova',
      phone: '+79994445567',
      email: 'anna@example.com',
    });
    expect((await contacts('smirnova')).map((c) => c.id)).toEqual([contact.id]);
    for (const [body, status, code, field] of [
      [{ phone: '12' }, 400, 'invalid_phone', 'phone'],
      [{ email: 'not-mail' }, 400, 'invalid', 'email'],
      [{ name: 5 }, 400, 'invalid', 'name'],
      [{ phone: '+79993334455' }, 409, 'conflict', 'phone'],
    ] as const) {
      const response = await patch(contact.id, body);
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect((await response.json()).error).toMatchObject({ code, field });
    }
    expect((await patch('nobody', { name: 'X' })).status).toBe(404);
    expect((await admin('/v1/admin/contacts?limit=0')).status).toBe(400);
  });

  it('merges one contact into another: its enquiries follow, its details fill the gaps', async () => {
    const callback = await callbackWidget(t);
    await postOrder(t, callback.key, { phone: '+79995556677', now: true, name: 'Maria' });
    await postOrder(t, callback.key, { phone: '+79995556688', now: true });
    const keep = (await contactOf('+79995556677')).contact;
    const gone = (await contactOf('+79995556688')).contact;
    const merge = (id: string, body: unknown) =>
      admin(`/v1/admin/contacts/${id}/merge`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const merged = await merge(keep.id, { from: gone.id });
    expect(merged.status).toBe(200);
    const answer = (await merged.json()) as ContactAnswer;
    expect(answer.contact).toMatchObject({ id: keep.id, name: 'Maria', phone: '+79995556677' });
    expect(answer.timeline.map((e) => e.kind)).toEqual(['callback', 'callback']);
    expect(await contacts('+79995556688')).toEqual([]);
    expect((await admin(`/v1/admin/contacts/${gone.id}`)).status).toBe(404);
    expect((await merge(keep.id, { from: gone.id })).status).toBe(404);
    const self = await merge(keep.id, { from: keep.id });
    expect(self.status).toBe(400);
    expect((await self.json()).error).toMatchObject({ code: 'invalid', field: 'from' });
    const missing = await merge(keep.id, {});
    expect((await missing.json()).error).toMatchObject({ code: 'invalid', field: 'from' });
  });
});
