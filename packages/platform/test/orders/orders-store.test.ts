import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, User } from '../../src/accounts/account-records';
import { type Database, openDatabase } from '../../src/storage/database';
import type { Store } from '../../src/storage/store';
import { createStore } from '../../src/storage/store';
import type { Widget } from '../../src/widgets/widget-records';
import { engines, type TestDatabase } from '../support/databases';
import { newAccount, newUser, orderInput, settingsFor } from '../support/store-fixtures';

const T0 = 1_772_600_000_000;

describe.each(engines)('orders on $name', (engine) => {
  let database: TestDatabase;
  let store: Store;
  let account: Account;
  let widget: Widget;
  let operator: User;
  beforeAll(async () => {
    database = await engine.open();
    store = createStore(database);
    account = await newAccount(store);
    operator = await newUser(store, account.id, { name: 'Oleg' });
    widget = await store.widgets.create({
      accountId: account.id,
      type: 'callback',
      name: 'Callback',
      settings: settingsFor('callback'),
      now: T0,
    });
  });
  afterAll(() => database?.drop());

  it('places an order with its event, key, due task and notifications in one go', async () => {
    const input = orderInput(widget, T0, {
      order: {
        name: 'Ivan',
        slot: T0 + 1_800_000,
        page: { url: 'https://a', title: 'A', referrer: null, utm: { source: 'ya', term: 't' } },
        addressee: { kind: 'external', number: '+74950000000' },
        outgoingNumber: '+74951111111',
        visitorTimeZone: 'Europe/Samara',
      },
      dueAt: T0 + 1_800_000,
      notifications: [{ channel: 'sms', recipient: '+79990001122', subject: null, body: 'Hi' }],
    });
    const placed = await store.orders.place(input);
    expect(placed.outcome).toBe('created');
    if (placed.outcome === 'conflict') return;
    const { order } = placed;
    expect(order).toStrictEqual({
      ...input.order,
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      status: 'new',
      operator: null,
      note: null,
      ringingAt: null,
      acceptedAt: null,
      doneAt: null,
      failedAt: null,
    });
    expect(await store.orders.get(order.id)).toStrictEqual(order);
    expect(await store.orders.byIdempotencyKey(widget.id, input.idempotencyKey)).toStrictEqual({
      order,
      requestHash: 'hash',
    });
    expect(await store.orders.events(order.id)).toStrictEqual([
      { status: 'new', at: T0, userId: null, note: null },
    ]);
    expect(await store.dueTasks.forOrder(order.id)).toStrictEqual({
      id: expect.any(String),
      orderId: order.id,
      dueAt: T0 + 1_800_000,
      claimedBy: null,
      claimedAt: null,
      firedAt: null,
    });
    const { items } = await store.outbox.list({
      accountId: account.id,
      orderId: order.id,
      limit: 5,
    });
    expect(items).toStrictEqual([
      {
        id: expect.any(String),
        accountId: account.id,
        orderId: order.id,
        kind: 'order',
        channel: 'sms',
        recipient: '+79990001122',
        subject: null,
        body: 'Hi',
        status: 'pending',
        attempts: 0,
        nextAttemptAt: T0,
        lastError: null,
        sentAt: null,
        failedAt: null,
        createdAt: T0,
      },
    ]);
  });

  it('a key used before replays its order for the same hash and conflicts for another', async () => {
    const input = orderInput(widget, T0);
    const first = await store.orders.place(input);
    expect(await store.orders.place(input)).toStrictEqual({
      outcome: 'replayed',
      order: first.outcome === 'created' ? first.order : undefined,
    });
    expect(await store.orders.place({ ...input, requestHash: 'other' })).toStrictEqual({
      outcome: 'conflict',
    });
  });

  it('the same key placed at once from two connections stores one order', async () => {
    const second: Database = await openDatabase(database.options);
    try {
      const other = createStore(second);
      const input = orderInput(widget, T0);
      const outcomes = await Promise.all(
        Array.from({ length: 6 }, (_, i) => (i % 2 ? other : store).orders.place(input)),
      );
      expect(outcomes.filter((o) => o.outcome === 'created')).toHaveLength(1);
      expect(outcomes.filter((o) => o.outcome === 'replayed')).toHaveLength(5);
      const ids = outcomes.map((o) => (o.outcome === 'conflict' ? undefined : o.order.id));
      expect(new Set(ids).size).toBe(1);
    } finally {
      await second.close();
    }
  });

  it('moves an order only from the states given: the first of two accepts wins', async () => {
    const placed = await store.orders.place(orderInput(widget, T0));
    if (placed.outcome === 'conflict') throw new Error('conflict');
    const { id } = placed.order;
    const claim = await store.dueTasks.claim({ now: T0, by: 'p', staleBefore: 0, limit: 500 });
    expect(claim.map((c) => c.order.id)).toContain(id);
    const olga = await newUser(store, account.id, { name: 'Olga' });
    const [a, b] = await Promise.all([
      store.orders.transition(id, { from: ['ringing'], to: 'accepted', by: operator, now: T0 + 1 }),
      store.orders.transition(id, { from: ['ringing'], to: 'accepted', by: olga, now: T0 + 2 }),
    ]);
    const winner = a ?? b;
    expect([a, b].filter(Boolean)).toHaveLength(1);
    const accepter = winner?.operator?.id === operator.id ? operator : olga;
    const loser = accepter === operator ? olga : operator;
    // Only the one who accepted closes it.
    const close = { from: ['accepted'] as const, to: 'done' as const, note: 'ok', now: T0 + 3 };
    expect(
      await store.orders.transition(id, { ...close, by: loser, acceptedBy: loser.id }),
    ).toBeUndefined();
    expect(
      await store.orders.transition(id, { ...close, by: accepter, acceptedBy: accepter.id }),
    ).toMatchObject({ status: 'done', doneAt: T0 + 3, note: 'ok' });
    expect((await store.orders.events(id)).map((e) => e.status)).toEqual([
      'new',
      'ringing',
      'accepted',
      'done',
    ]);
    expect(
      await store.orders.transition('no-such-order', { ...close, by: operator }),
    ).toBeUndefined();
  });

  it('lists the open orders of an account, newest first', async () => {
    const own = await newAccount(store);
    const w = await store.widgets.create({
      accountId: own.id,
      type: 'callback',
      name: 'W',
      settings: settingsFor('callback'),
      now: T0,
    });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const placed = await store.orders.place(orderInput(w, T0 + i, { dueAt: null }));
      if (placed.outcome !== 'conflict') ids.push(placed.order.id);
    }
    await store.orders.transition(ids[1] ?? '', {
      from: ['new'],
      to: 'failed',
      by: operator,
      now: T0 + 5,
    });
    expect((await store.orders.open(own.id, 10)).map((o) => o.id)).toEqual([ids[2], ids[0]]);
    expect((await store.orders.open(own.id, 1)).map((o) => o.id)).toEqual([ids[2]]);
  });

  it('refuses text no engine keeps alike', async () => {
    await expect(
      store.orders.place(orderInput(widget, T0, { order: { name: 'a\u0000b' } })),
    ).rejects.toMatchObject({ name: 'StoreError', code: 'invalid', field: 'name' });
  });
});
