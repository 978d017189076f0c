import type { OpsOrder } from '@frontdesk/config';
import type { User, Widget } from '@frontdesk/platform';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { engines, type TestDatabase } from '../support/databases';
import { connectOps, type OpsClient } from '../support/ops-client';
import { automatic, callbackWidget, postOrder } from '../support/orders';
import { startPlatform, type TestPlatform } from '../support/platform';

type Ack = { ok: true; order: OpsOrder; orders: OpsOrder[] } & {
  ok: boolean;
  error?: { code: string; message: string; field?: string };
};

describe.each(engines)('/ops callback orders on $name', (engine) => {
  let database: TestDatabase;
  let t: TestPlatform;
  let olga: User;
  let outsider: User;
  let sales: Widget;
  const clients: OpsClient[] = [];

  beforeAll(async () => {
    database = await engine.open();
    t = await startPlatform(database, { limits: { ordersPerPhone: 1000 } });
    olga = await t.addUser('operator', 'Olga Operator');
    outsider = await t.addUser('operator', 'Otto Outsider');
    const group = await t.platform.store.groups.create({
      accountId: t.accountId,
      name: 'Sales',
      memberIds: [t.users.operator.id, olga.id],
    });
    sales = await callbackWidget(t, { mode: automatic({ kind: 'group', id: group.id }) });
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.socket.close();
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  const connect = async (who: Parameters<typeof connectOps>[1]) => {
    const client = await connectOps(t, who);
    clients.push(client);
    return client;
  };

  /** Orders "call me now" on `widget` and runs the due tasks; the order's id. */
  async function ringing(widget: Widget, body: Record<string, unknown> = {}): Promise<string> {
    const response = await postOrder(t, widget.key, { phone: '+79991234567', now: true, ...body });
    expect(response.status).toBe(201);
    const { id } = await response.json();
    expect(await t.platform.workers.runDue()).toBe(1);
    return id;
  }

  it('rings both operators of the group; one accepts, the other sees it taken', async () => {
    const oleg = await connect('operator');
    const olgaClient = await connect(olga);
    const otto = await connect(outsider);
    const id = await ringing(sales, {
      name: 'Ivan',
      page: { url: 'https://shop.example/price', title: 'Prices' },
      timeZone: 'Asia/Yekaterinburg',
    });

    const [atOleg, atOlga] = await Promise.all([
      oleg.next<OpsOrder>('callback:ringing'),
      olgaClient.next<OpsOrder>('callback:ringing'),
    ]);
    expect(atOlga).toEqual(atOleg);
    expect(atOleg).toMatchObject({
      id,
      status: 'ringing',
      widgetName: 'Call me back',
      phone: '+79991234567',
      name: 'Ivan',
      page: { url: 'https://shop.example/price', title: 'Prices' },
      ringingAt: t.clock().getTime(),
      // 07:00Z is noon in Yekaterinburg.
      visitor: { timeZone: 'Asia/Yekaterinburg', localTime: '2026-03-04T12:00:00+05:00' },
      connect: null,
    });
    // The outsider's console learns of the order's state, but it does not ring there.
    expect((await otto.next<OpsOrder>('callback:updated')).status).toBe('new');
    expect((await otto.next<OpsOrder>('callback:updated')).status).toBe('ringing');
    expect(otto.received.some(([event]) => event === 'callback:ringing')).toBe(false);
    const refused = await otto.ask<Ack>('callback:accept', { id });
    expect(refused).toEqual({
      ok: false,
      error: { code: 'not_addressed', message: 'This order does not ring you.' },
    });

    const accepted = await oleg.ask<Ack>('callback:accept', { id });
    expect(accepted.ok).toBe(true);
    expect(accepted.order).toMatchObject({
      id,
      status: 'accepted',
      operator: { id: t.users.operator.id, name: 'Operator Person' },
    });
    expect(await olgaClient.next('callback:taken')).toEqual({
      id,
      by: { id: t.users.operator.id, name: 'Operator Person' },
    });
    expect(await olgaClient.ask<Ack>('callback:accept', { id })).toEqual({
      ok: false,
      error: { code: 'already_taken', message: 'Operator Person already took this order.' },
    });
    expect((await olgaClient.ask<Ack>('callback:done', { id })).error?.code).toBe('not_yours');

    const done = await oleg.ask<Ack>('callback:done', { id, note: '  Sold a kettle  ' });
    expect(done.order).toMatchObject({ status: 'done', note: 'Sold a kettle' });
    const updates: OpsOrder[] = [];
    while (updates.at(-1)?.status !== 'done') {
      updates.push(await olgaClient.next<OpsOrder>('callback:updated'));
    }
    expect(await oleg.ask<Ack>('callback:fail', { id })).toMatchObject({
      ok: false,
      error: { code: 'wrong_state', message: 'The order is done, not accepted.' },
    });

    // Every state is stored with its time and who moved it there.
    const admin = await t.signIn('admin');
    const { order, events } = await (await admin(`/v1/admin/orders/${id}`)).json();
    const at = t.clock().getTime();
    expect(order).toMatchObject({
      status: 'done',
      ringingAt: at,
      acceptedAt: at,
      doneAt: at,
      failedAt: null,
    });
    expect(events).toEqual([
      { status: 'new', at, userId: null, note: null },
      { status: 'ringing', at, userId: null, note: null },
      { status: 'accepted', at, userId: t.users.operator.id, note: null },
      { status: 'done', at, userId: t.users.operator.id, note: 'Sold a kettle' },
    ]);
  });

  it('an operator who connects later is rung with the orders ringing now', async () => {
    const id = await ringing(sales);
    const late = await connect(olga);
    await late.next<OpsOrder>('callback:ringing', (order) => order.id === id);
    const list = await late.ask<Ack>('callback:list');
    expect(list.ok).toBe(true);
    expect(list.orders.find((order) => order.id === id)?.status).toBe('ringing');
    const other = await connect(outsider);
    expect((await other.ask<Ack>('callback:list')).orders.map((o) => o.id)).toContain(id);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(other.received.some(([event]) => event === 'callback:ringing')).toBe(false);
    // Taken, it rings nobody who connects afterwards.
    expect((await late.ask<Ack>('callback:accept', { id })).ok).toBe(true);
    const later = await connect('operator');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(
      later.received.some(
        ([event, order]) => event === 'callback:ringing' && (order as OpsOrder).id === id,
      ),
    ).toBe(false);
    expect((await late.ask<Ack>('callback:fail', { id, note: 'No answer' })).order).toMatchObject({
      status: 'failed',
      note: 'No answer',
      failedAt: t.clock().getTime(),
    });
  });

  it('a scheduled order is taken early by one it will ring; its slot then rings nobody', async () => {
    const oleg = await connect('operator');
    const otto = await connect(outsider);
    // Half an hour from the test clock (10:00 in Moscow): a slot the standard week offers.
    const slot = '2026-03-04T07:30:00.000Z';
    const response = await postOrder(t, sales.key, { phone: '+79991230000', slot });
    expect(response.status).toBe(201);
    const { id } = await response.json();
    expect(await t.platform.workers.runDue()).toBe(0);
    expect((await otto.ask<Ack>('callback:accept', { id })).error?.code).toBe('not_addressed');
    const taken = await oleg.ask<Ack>('callback:accept', { id });
    expect(taken.order).toMatchObject({ id, status: 'accepted', slot: Date.parse(slot) });

    t.clock.set(slot);
    expect(await t.platform.workers.runDue()).toBe(1);
    expect((await t.platform.store.orders.get(id))?.status).toBe('accepted');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(
      [...oleg.received, ...otto.received].some(
        ([event, order]) => event === 'callback:ringing' && (order as OpsOrder).id === id,
      ),
    ).toBe(false);
    t.clock.set('2026-03-04T07:00:00Z');
  });

  it("an employee's order rings that employee only", async () => {
    const personal = await callbackWidget(t, {
      mode: automatic({ kind: 'employee', id: olga.id }),
    });
    const oleg = await connect('operator');
    const olgaClient = await connect(olga);
    const id = await ringing(personal);
    await olgaClient.next<OpsOrder>('callback:ringing', (order) => order.id === id);
    expect((await oleg.ask<Ack>('callback:accept', { id })).error?.code).toBe('not_addressed');
    expect(
      oleg.received.some(
        ([event, order]) => event === 'callback:ringing' && (order as OpsOrder).id === id,
      ),
    ).toBe(false);
    expect((await olgaClient.ask<Ack>('callback:accept', { id })).ok).toBe(true);
  });

  it('an external addressee rings the account with the numbers to connect', async () => {
    const external = await callbackWidget(t, {
      mode: automatic({ kind: 'external', number: '+74957778899' }),
    });
    const otto = await connect(outsider);
    const id = await ringing(external);
    expect(await otto.next<OpsOrder>('callback:ringing', (order) => order.id === id)).toMatchObject(
      {
        addressee: { kind: 'external', number: '+74957778899' },
        connect: { number: '+74957778899', outgoingNumber: '+74950001122' },
      },
    );
  });

  it('keeps other accounts out, and refuses malformed payloads', async () => {
    const account = await t.platform.store.accounts.create({
      name: 'Other',
      sipDomain: 'vpbx7777777.sip.test',
    });
    const foreign = await t.platform.store.widgets.create({
      accountId: account.id,
      type: 'callback',
      name: 'Foreign',
      settings: sales.settings,
      now: 1,
    });
    const oleg = await connect('operator');
    const id = await ringing(foreign);
    expect(await oleg.ask<Ack>('callback:accept', { id })).toEqual({
      ok: false,
      error: { code: 'not_found', message: `No order ${id} in your account.` },
    });
    expect((await oleg.ask<Ack>('callback:list')).orders.map((o) => o.id)).not.toContain(id);
    expect((await oleg.ask<Ack>('callback:accept', { nope: 1 })).error?.code).toBe('invalid');
    expect((await oleg.ask<Ack>('callback:accept')).error?.code).toBe('invalid');
    // Text no engine stores faithfully is refused naming the field, not an error on our side.
    expect((await oleg.ask<Ack>('callback:accept', { id: 'a\u0000b' })).error).toMatchObject({
      code: 'invalid',
      field: 'id',
    });
    expect(
      (await oleg.ask<Ack>('callback:done', { id, note: 'Called \u0000 back' })).error,
    ).toMatchObject({ code: 'invalid', field: 'note' });
  });

  it('manual orders are taken as they come in and closed by whoever took them', async () => {
    const manual = await callbackWidget(t, {
      mode: { kind: 'manual', emails: ['boss@corp.example'], smsNumbers: [] },
    });
    const oleg = await connect('operator');
    const response = await postOrder(t, manual.key, { phone: '+79991234567', now: true });
    const { id } = await response.json();
    await oleg.next<OpsOrder>(
      'callback:updated',
      (order) => order.id === id && order.status === 'new',
    );
    expect(await t.platform.workers.runDue()).toBe(0);
    expect((await oleg.ask<Ack>('callback:accept', { id })).order.status).toBe('accepted');
    const admin = await connect('admin');
    // An admin may close any order.
    expect(
      (await admin.ask<Ack>('callback:fail', { id, note: 'Wrong number' })).order,
    ).toMatchObject({
      status: 'failed',
      note: 'Wrong number',
      operator: { id: t.users.operator.id },
    });
  });
});
