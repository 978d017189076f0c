import { defaultSettings } from '@frontdesk/config';
import type { CallHistoryEntry } from '@frontdesk/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, type TestDatabase } from '../support/databases';
import { automatic, callbackWidget, postOrder } from '../support/orders';
import { startPlatform, type TestPlatform } from '../support/platform';

const T0 = Date.parse('2026-03-04T07:00:00Z');

describe.each(engines)('GET /v1/admin/call-history on $name', (engine) => {
  let database: TestDatabase;
  let t: TestPlatform;
  const ids: string[] = [];
  let shop: { id: string };
  let blog: { id: string };

  beforeAll(async () => {
    database = await engine.open();
    t = await startPlatform(database, { limits: { ordersPerPhone: 1000 } });
    t.clock.set(new Date(T0).toISOString());
    const shopWidget = await callbackWidget(t, { mode: automatic(null) });
    await t.platform.store.widgets.update(shopWidget.id, { name: 'Shop callback', now: T0 });
    const blogWidget = await callbackWidget(t, {
      mode: { kind: 'manual', emails: ['a@corp.example'], smsNumbers: [] },
    });
    shop = shopWidget;
    blog = blogWidget;
    // Five orders a minute apart: shop, blog, shop, blog, shop.
    for (let i = 0; i < 5; i++) {
      const widget = i % 2 === 0 ? shopWidget : blogWidget;
      const response = await postOrder(t, widget.key, {
        phone: `+7999123456${i}`,
        now: true,
        name: `Visitor ${i}`,
        page: { url: `https://shop.example/${i}`, utm: { source: 'ya', term: 'kettle' } },
      });
      ids.push((await response.json()).id);
      t.clock.advance(60_000);
    }
    // The shop's orders ring; the first is taken and done.
    await t.platform.workers.runDue();
    const operator = t.users.operator;
    await t.platform.store.orders.transition(ids[0] ?? '', {
      from: ['ringing'],
      to: 'accepted',
      by: operator,
      now: T0 + 10 * 60_000,
    });
    await t.platform.store.orders.transition(ids[0] ?? '', {
      from: ['accepted'],
      to: 'done',
      by: operator,
      note: 'Called back',
      acceptedBy: operator.id,
      now: T0 + 11 * 60_000,
    });
    // Renamed afterwards: history keeps the name the visitor ordered through.
    await t.platform.store.widgets.update(shopWidget.id, { name: 'Renamed', now: T0 });
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  const history = async (query = '', role: 'admin' | 'marketer' | 'operator' = 'admin') => {
    const response = await (await t.signIn(role))(`/v1/admin/call-history${query}`);
    expect(response.status).toBe(200);
    return (await response.json()) as { items: CallHistoryEntry[]; next: string | null };
  };

  it('lists orders newest first with the widget name as the dialled number', async () => {
    const { items, next } = await history();
    expect(items.map((item) => item.id)).toEqual([...ids].reverse());
    expect(next).toBeNull();
    expect(items.at(-1)).toEqual({
      kind: 'callback',
      id: ids[0],
      widgetId: shop.id,
      caller: '+79991234560',
      callerName: 'Visitor 0',
      dialled: 'Shop callback',
      line: '+74950001122',
      status: 'done',
      result: 'answered',
      at: T0,
      slot: null,
      answeredAt: T0 + 10 * 60_000,
      endedAt: T0 + 11 * 60_000,
      duration: null,
      operator: { id: t.users.operator.id, name: 'Operator Person' },
      page: { url: 'https://shop.example/0', title: null },
      utm: { source: 'ya' },
      note: 'Called back',
      visitorTimeZone: null,
      failReason: null,
      trunk: null,
    });
    expect(items[0]).toMatchObject({ dialled: 'Shop callback', status: 'ringing' });
    expect(items[1]).toMatchObject({ dialled: 'Call me back', status: 'new' });
  });

  it('filters by widget, status and period', async () => {
    const byWidget = await history(`?widget=${blog.id}`);
    expect(byWidget.items.map((item) => item.id)).toEqual([ids[3], ids[1]]);
    const ringing = await history('?status=ringing');
    expect(ringing.items.map((item) => item.id)).toEqual([ids[4], ids[2]]);
    const from = new Date(T0 + 60_000).toISOString();
    const to = new Date(T0 + 3 * 60_000).toISOString();
    const period = await history(`?from=${from}&to=${to}`);
    expect(period.items.map((item) => item.id)).toEqual([ids[2], ids[1]]);
    const both = await history(`?widget=${shop.id}&status=ringing&from=${from}`);
    expect(both.items.map((item) => item.id)).toEqual([ids[4], ids[2]]);
  });

  it('pages through with the cursor of each page', async () => {
    const seen: string[] = [];
    let query = '?limit=2';
    for (;;) {
      const page = await history(query);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((item) => item.id));
      if (!page.next) break;
      query = `?limit=2&cursor=${page.next}`;
    }
    expect(seen).toEqual([...ids].reverse());
  });

  it('is open to every role of the account, and to nobody else', async () => {
    expect((await history('', 'marketer')).items).toHaveLength(5);
    expect((await history('', 'operator')).items).toHaveLength(5);
    expect((await t.request('/v1/admin/call-history')).status).toBe(401);
    const other = await t.platform.store.accounts.create({
      name: 'Other',
      sipDomain: 'vpbx5555555.sip.test',
    });
    const foreign = await t.platform.store.widgets.create({
      accountId: other.id,
      type: 'callback',
      name: 'Foreign',
      settings: (await t.platform.store.widgets.get(shop.id))?.settings ?? ({} as never),
      now: T0,
    });
    expect((await postOrder(t, foreign.key, { phone: '+79991112233', now: true })).status).toBe(
      201,
    );
    expect((await history()).items.map((item) => item.widgetId)).not.toContain(foreign.id);
  });

  it('names the query field it refuses', async () => {
    const admin = await t.signIn('admin');
    for (const [query, field] of [
      ['?from=yesterday', 'from'],
      ['?to=2026-03-04', 'to'],
      ['?limit=0', 'limit'],
      ['?limit=201', 'limit'],
      ['?cursor=!!', 'cursor'],
    ]) {
      const response = await admin(`/v1/admin/call-history${query}`);
      expect(response.status, query).toBe(400);
      expect((await response.json()).error, query).toMatchObject({ code: 'invalid', field });
    }
  });
});

describe.each(engines)('calls from the site in the call history on $name', (engine) => {
  let database: TestDatabase;
  let t: TestPlatform;

  beforeAll(async () => {
    database = await engine.open();
    t = await startPlatform(database);
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  it('lists a call with the widget’s name as the caller and its line as the dialled number', async () => {
    const widget = await t.platform.store.widgets.create({
      accountId: t.accountId,
      type: 'call',
      name: 'Call us from the site',
      settings: defaultSettings('call'),
      now: T0,
    });
    const order = await postOrder(t, (await callbackWidget(t, { mode: automatic(null) })).key, {
      phone: '+79991234567',
      now: true,
    });
    expect(order.status).toBe(201);
    await t.platform.store.calls.start({
      callId: 'call-1@test',
      accountId: t.accountId,
      widgetId: widget.id,
      widgetName: widget.name,
      line: widget.sipLine ?? '',
      visitorId: 'v-1',
      page: { url: 'https://shop.example/pricing', title: 'Pricing' },
      utm: { source: 'ya' },
      visitorTimeZone: null,
      startedAt: T0 + 5 * 60_000,
    });
    await t.platform.store.calls.answer('call-1@test', {
      at: T0 + 5 * 60_000 + 3_000,
      operator: t.users.operator,
    });
    await t.platform.store.calls.end('call-1@test', { at: T0 + 8 * 60_000, by: 'visitor' });

    const admin = await t.signIn('admin');
    const history = (await (await admin('/v1/admin/call-history')).json()) as {
      items: CallHistoryEntry[];
    };
    expect(history.items.map((entry) => entry.kind)).toEqual(['call', 'callback']);
    expect(history.items[0]).toMatchObject({
      kind: 'call',
      widgetId: widget.id,
      caller: 'Call us from the site',
      callerName: null,
      dialled: widget.sipLine,
      line: widget.sipLine,
      status: 'completed',
      result: 'answered',
      duration: 177,
      at: T0 + 5 * 60_000,
      slot: null,
      answeredAt: T0 + 5 * 60_000 + 3_000,
      endedAt: T0 + 8 * 60_000,
      operator: { id: t.users.operator.id, name: t.users.operator.name },
      page: { url: 'https://shop.example/pricing', title: 'Pricing' },
      note: null,
      failReason: null,
      trunk: null,
    });
    const callsOnly = await (await admin(`/v1/admin/call-history?widget=${widget.id}`)).json();
    expect(callsOnly.items).toHaveLength(1);
  });
});
