/**
 * `GET /v1/ops/search`: what the console's search finds, and that each operator finds only what
 * the inbox shows them (routing to a group, to one employee, to everyone; other accounts never).
 */
import type { ConversationSummary, OpsOrder, Receiver } from '@frontdesk/config';
import type { User, Widget } from '@frontdesk/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phoneDigits, SEARCH_RESULTS } from '../../src/search/ops-search';
import { chatWidget, storedConversation } from '../support/chat';
import { engines, type TestDatabase } from '../support/databases';
import { automatic, callbackWidget } from '../support/orders';
import { startPlatform, type TestPlatform } from '../support/platform';
import { orderInput } from '../support/store-fixtures';

type Found = { conversations: ConversationSummary[]; orders: OpsOrder[] };

describe('phoneDigits', () => {
  it('reads a phone number written any usual way, and nothing else', () => {
    expect(phoneDigits('+7 (912) 345-67-89')).toBe('9123456789');
    expect(phoneDigits('8 912 345 67 89')).toBe('9123456789');
    expect(phoneDigits('345-67')).toBe('34567');
    expect(phoneDigits('12')).toBeUndefined();
    expect(phoneDigits('Volna 2')).toBeUndefined();
  });
});

describe.each(engines)('GET /v1/ops/search on $name', (engine) => {
  let database: TestDatabase;
  let t: TestPlatform;
  let olga: User;
  /** Conversation ids by who they go to. */
  const chats: Record<'group' | 'olga' | 'everyone' | 'foreign', string> = {
    group: '',
    olga: '',
    everyone: '',
    foreign: '',
  };
  const orders: Record<'open' | 'done' | 'foreign', string> = { open: '', done: '', foreign: '' };

  /** A conversation of `widget` whose visitor wrote `texts`, with `contact` saved; its id. */
  async function conversation(
    widget: Widget,
    receiver: Receiver | null,
    texts: string[],
    contact: { name?: string; phone?: string; email?: string } = {},
  ): Promise<string> {
    const { store } = t.platform;
    const now = t.clock().getTime();
    const visitor = await store.chatVisitors.create({
      accountId: widget.accountId,
      widgetId: widget.id,
      tokenHash: `hash-${Math.random()}`,
      timeZone: 'Europe/Moscow',
      now,
    });
    let id = '';
    for (const [i, text] of texts.entries()) {
      const sent = await store.chatMessages.visitorSend({
        visitor,
        widgetId: widget.id,
        clientId: `client-${i}`,
        text,
        page: null,
        now: now + i,
        receiver,
        autoReplies: [],
        email: null,
      });
      id = sent.conversation.id;
    }
    await store.chatContacts.save({
      accountId: widget.accountId,
      visitorId: visitor.id,
      ...contact,
      now,
    });
    return id;
  }

  beforeAll(async () => {
    database = await engine.open();
    t = await startPlatform(database);
    const { store } = t.platform;
    olga = await t.addUser('operator', 'Olga Operator');
    const sales = await store.groups.create({
      accountId: t.accountId,
      name: 'Sales',
      memberIds: [t.users.operator.id],
    });
    const chat = await chatWidget(t);
    const toGroup: Receiver = { kind: 'group', id: sales.id };
    const toOlga: Receiver = { kind: 'employee', id: olga.id };
    chats.group = await conversation(chat, toGroup, ['Hello', 'Is the VOLNA bike free?'], {
      name: 'Иван Петров',
      phone: '+79123456789',
    });
    chats.olga = await conversation(chat, toOlga, ['Где мой заказ? Велосипед volna'], {
      email: 'Anna.K@Mail.example',
    });
    chats.everyone = await conversation(chat, null, ['Volna or Briz, which is lighter?']);

    const now = t.clock().getTime();
    const callback = await callbackWidget(t, { mode: automatic(null) });
    const place = async (widget: Widget, phone: string, name: string | null) => {
      const placed = await store.orders.place(orderInput(widget, now, { order: { phone, name } }));
      if (placed.outcome === 'conflict') throw new Error('a fresh key conflicted');
      return placed.order.id;
    };
    orders.open = await place(callback, '+79123456789', 'Иван');
    orders.done = await place(callback, '+79990001122', 'Maria 50%_off');
    const { operator } = t.users;
    await store.orders.transition(orders.done, {
      from: ['new'],
      to: 'accepted',
      by: operator,
      now,
    });
    await store.orders.transition(orders.done, {
      from: ['accepted'],
      to: 'done',
      by: operator,
      now,
    });

    // Another account with the same words and number: never found from this one.
    const other = await store.accounts.create({ name: 'Other', sipDomain: 'vpbx7.sip.test' });
    const copy = (widget: Widget) =>
      store.widgets.create({
        accountId: other.id,
        type: widget.type,
        name: widget.name,
        settings: widget.settings,
        now,
      });
    const foreignChat = await copy(chat);
    chats.foreign = await conversation(foreignChat, null, ['volna'], { name: 'Иван' });
    const foreignCallback = await copy(callback);
    orders.foreign = await place(foreignCallback, '+79123456789', 'Иван');
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  /** The ids `who` finds for `q`. */
  async function search(who: Parameters<TestPlatform['signIn']>[0], q: string) {
    const staff = await t.signIn(who);
    const response = await staff(`/v1/ops/search?q=${encodeURIComponent(q)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const found = (await response.json()) as Found;
    return {
      found,
      chats: found.conversations.map((c) => c.id).sort(),
      orders: found.orders.map((o) => o.id).sort(),
    };
  }

  it('finds conversations by any word of any message, ignoring case, in any script', async () => {
    expect((await search('admin', 'volna')).chats).toEqual(
      [chats.group, chats.olga, chats.everyone].sort(),
    );
    expect((await search('admin', 'ВЕЛОСИПЕД')).chats).toEqual([chats.olga]);
    // The first message, not only the last one the list shows.
    expect((await search('admin', 'hello')).chats).toEqual([chats.group]);
  });

  it('finds conversations by the contact’s name, e-mail and phone, however the phone is written', async () => {
    expect((await search('admin', 'иван')).chats).toEqual([chats.group]);
    expect((await search('admin', 'anna.k@mail')).chats).toEqual([chats.olga]);
    for (const phone of ['+7 912 345-67-89', '8 (912) 345 67 89', '345-67']) {
      expect((await search('admin', phone)).chats, phone).toEqual([chats.group]);
    }
  });

  it('finds orders in any state by the visitor’s phone and name', async () => {
    const { found, orders: byPhone } = await search('operator', '8 912 345-67-89');
    expect(byPhone).toEqual([orders.open]);
    expect(found.orders[0]).toMatchObject({ phone: '+79123456789', name: 'Иван', status: 'new' });
    expect((await search('operator', 'MARIA')).orders).toEqual([orders.done]);
    expect((await search('operator', '0001122')).orders).toEqual([orders.done]);
  });

  it('takes LIKE’s wildcards in the query as plain characters', async () => {
    expect((await search('admin', '%_')).orders).toEqual([orders.done]);
    expect((await search('admin', '__')).orders).toEqual([]);
    expect((await search('admin', '%%')).chats).toEqual([]);
  });

  it('shows each operator only the conversations the inbox shows them', async () => {
    // Oleg is in the group: its conversation and the one for everyone, not Olga's.
    expect((await search('operator', 'volna')).chats).toEqual([chats.group, chats.everyone].sort());
    // Olga: her own and the one for everyone.
    expect((await search(olga, 'volna')).chats).toEqual([chats.olga, chats.everyone].sort());
    // A marketer answers no chats; orders are the account's, as callback:list shows them.
    const marketer = await search('marketer', 'иван');
    expect(marketer.chats).toEqual([]);
    expect(marketer.orders).toEqual([orders.open]);
    // Another account's conversation and order never come up.
    const admin = await search('admin', 'иван');
    expect(admin.chats).not.toContain(chats.foreign);
    expect(admin.orders).not.toContain(orders.foreign);
  });

  it('finds an operator’s conversation behind hundreds of newer matches that are a colleague’s', async () => {
    const chat = await chatWidget(t);
    const mine = await conversation(chat, null, ['Zephyr frame size?']);
    // More than any number of candidates checked after the query: the query itself filters.
    const { store } = t.platform;
    for (let i = 0; i < 501; i++) {
      const now = t.clock().getTime() + 1_000 + i;
      await storedConversation(
        store,
        chat,
        { kind: 'employee', id: olga.id },
        { now, text: 'zephyr' },
      );
    }
    expect((await search('operator', 'zephyr')).chats).toEqual([mine]);
    expect((await search(olga, 'zephyr')).chats).toHaveLength(SEARCH_RESULTS);
  });

  it('answers conversations as the inbox lists them', async () => {
    const { found } = await search('operator', 'lighter');
    expect(found.conversations).toEqual([
      expect.objectContaining({
        id: chats.everyone,
        status: 'open',
        assignee: null,
        lastMessage: expect.objectContaining({ text: 'Volna or Briz, which is lighter?' }),
        readByOperatorSeq: 0,
        visitor: expect.objectContaining({ timeZone: 'Europe/Moscow', online: false }),
      }),
    ]);
  });

  it('refuses a missing, short or long query naming q, and anyone not signed in', async () => {
    const staff = await t.signIn('operator');
    for (const query of ['', '?q=', '?q=%20a%20', `?q=${'x'.repeat(101)}`]) {
      const response = await staff(`/v1/ops/search${query}`);
      expect(response.status, query).toBe(400);
      expect((await response.json()).error).toMatchObject({ code: 'invalid', field: 'q' });
    }
    const anonymous = await t.request('/v1/ops/search?q=volna');
    expect(anonymous.status).toBe(401);
  });
});
