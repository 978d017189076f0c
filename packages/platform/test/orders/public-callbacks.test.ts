import { type CallbackSettings, type ChatSettings, defaultSettings } from '@frontdesk/config';
import type { Order, OrderEvent, OutboxMessage } from '@frontdesk/platform';
import { callbackSlots, createSchedule } from '@frontdesk/schedule';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, type TestDatabase } from '../support/databases';
import { automatic, callbackWidget, postOrder } from '../support/orders';
import { startPlatform, type TestPlatform } from '../support/platform';

/** Wednesday 4 March 2026, 10:00 in Moscow: the standard week is open. */
const OPEN = '2026-03-04T07:00:00Z';

describe.each(engines)('POST /v1/widgets/:key/callbacks on $name', (engine) => {
  let database: TestDatabase;
  let t: TestPlatform;
  let admin: (path: string, init?: RequestInit) => Promise<Response>;

  beforeAll(async () => {
    database = await engine.open();
    t = await startPlatform(database, { limits: { ordersPerIp: 10_000, ordersPerPhone: 10_000 } });
    admin = await t.signIn('admin');
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  /** The order with its events, due task and notifications, through the admin API. */
  async function stored(id: string) {
    const response = await admin(`/v1/admin/orders/${id}`);
    if (response.status === 404) return undefined;
    expect(response.status).toBe(200);
    return (await response.json()) as {
      order: Order;
      events: OrderEvent[];
      task: { dueAt: number; claimedAt: number | null } | null;
      notifications: OutboxMessage[];
    };
  }

  /** The current slot starts of a widget's schedule at the test clock. */
  function slotsOf(widget: { settings: { schedule: Parameters<typeof createSchedule>[0] } }) {
    return callbackSlots(createSchedule(widget.settings.schedule), t.clock()).map((slot) =>
      slot.start.toISOString(),
    );
  }

  it('stores a "call me now" order before answering 201, with the number in E.164', async () => {
    t.clock.set(OPEN);
    const w = await callbackWidget(t, { mode: automatic({ kind: 'group', id: 'g1' }) });
    const response = await postOrder(
      t,
      w.key,
      {
        phone: '8 (999) 123-45-67',
        now: true,
        name: '  Ivan  ',
        page: {
          url: 'https://shop.example/price?utm_source=ya',
          title: 'Prices',
          referrer: 'https://ya.ru/',
          utm: { source: 'ya', campaign: 'spring' },
        },
        timeZone: 'Asia/Yekaterinburg',
        website: '',
      },
      { origin: 'https://shop.example' },
    );
    expect(response.status).toBe(201);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    const body = await response.json();
    expect(body).toEqual({ id: expect.any(String), status: 'new', slot: null });
    const { order, events, task, notifications } = (await stored(body.id)) ?? {};
    expect(order).toMatchObject({
      widgetId: w.id,
      widgetName: 'Call me back',
      mode: 'automatic',
      phone: '+79991234567',
      name: 'Ivan',
      slot: null,
      consent: false,
      page: {
        url: 'https://shop.example/price?utm_source=ya',
        title: 'Prices',
        referrer: 'https://ya.ru/',
        utm: { source: 'ya', campaign: 'spring' },
      },
      visitorTimeZone: 'Asia/Yekaterinburg',
      addressee: { kind: 'group', id: 'g1' },
      outgoingNumber: '+74950001122',
      status: 'new',
      createdAt: Date.parse(OPEN),
    });
    expect(events).toEqual([{ status: 'new', at: Date.parse(OPEN), userId: null, note: null }]);
    // Automatic mode: it rings at once; nothing to e-mail.
    expect(task).toMatchObject({ dueAt: Date.parse(OPEN), claimedAt: null });
    expect(notifications).toEqual([]);
  });

  it('takes a slot offered now and rings at its start; refuses one not offered now', async () => {
    t.clock.set(OPEN);
    const w = await callbackWidget(t);
    const slots = slotsOf(w);
    expect(slots[0]).toBe('2026-03-04T07:00:00.000Z');
    const chosen = slots[3] ?? '';
    const response = await postOrder(t, w.key, { phone: '+79991234567', slot: chosen });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toEqual({ id: expect.any(String), status: 'new', slot: chosen });
    const { order, task } = (await stored(body.id)) ?? {};
    expect(order?.slot).toBe(Date.parse(chosen));
    expect(task?.dueAt).toBe(Date.parse(chosen));

    // The same instant written with an offset is the same slot.
    const withOffset = await postOrder(t, w.key, {
      phone: '+79991234567',
      slot: '2026-03-04T11:30:00+03:00',
    });
    expect(withOffset.status).toBe(201);
    expect((await withOffset.json()).slot).toBe('2026-03-04T08:30:00.000Z');

    for (const slot of [
      '2026-03-04T06:30:00.000Z', // 09:30 Moscow: already past
      '2026-03-04T07:15:00.000Z', // off the half-hour grid
      '2026-03-10T07:00:00.000Z', // beyond the three working days offered
      '2026-03-07T07:00:00.000Z', // a Saturday
    ]) {
      const refused = await postOrder(t, w.key, { phone: '+79991234567', slot });
      expect(refused.status, slot).toBe(422);
      expect(await refused.json()).toEqual({
        error: { code: 'slot_unavailable', field: 'slot', message: expect.any(String) },
      });
    }
  });

  it('re-checks the slot at submit time: one offered earlier goes stale as time passes', async () => {
    t.clock.set(OPEN);
    const w = await callbackWidget(t);
    const first = slotsOf(w)[0] ?? '';
    t.clock.advance(31 * 60_000);
    const response = await postOrder(t, w.key, { phone: '+79991234567', slot: first });
    expect(response.status).toBe(422);
    expect((await response.json()).error.code).toBe('slot_unavailable');
  });

  it('refuses "now" when closed, naming now; a slot of the next working day is taken', async () => {
    t.clock.set('2026-03-04T16:00:00Z'); // 19:00 in Moscow
    const w = await callbackWidget(t);
    const now = await postOrder(t, w.key, { phone: '+79991234567', now: true });
    expect(now.status).toBe(422);
    expect(await now.json()).toEqual({
      error: { code: 'closed_now', field: 'now', message: expect.any(String) },
    });
    const next = slotsOf(w)[0] ?? '';
    expect(next).toBe('2026-03-05T06:00:00.000Z');
    expect((await postOrder(t, w.key, { phone: '+79991234567', slot: next })).status).toBe(201);
  });

  it('requires consent when the widget asks for it', async () => {
    t.clock.set(OPEN);
    const w = await callbackWidget(t, { consent: { required: true } });
    for (const consent of [undefined, false]) {
      const response = await postOrder(t, w.key, { phone: '+79991234567', now: true, consent });
      expect(response.status).toBe(422);
      expect(await response.json()).toEqual({
        error: { code: 'consent_required', field: 'consent', message: expect.any(String) },
      });
    }
    const given = await postOrder(t, w.key, { phone: '+79991234567', now: true, consent: true });
    expect(given.status).toBe(201);
    expect((await stored((await given.json()).id))?.order.consent).toBe(true);
  });

  it('answers a filled honeypot like a success and stores nothing', async () => {
    t.clock.set(OPEN);
    const w = await callbackWidget(t);
    const response = await postOrder(t, w.key, {
      phone: '+79991234567',
      now: true,
      website: 'http://spam.example',
    });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toEqual({ id: expect.any(String), status: 'new', slot: null });
    expect(await stored(body.id)).toBeUndefined();
    const history = await (await admin(`/v1/admin/call-history?widget=${w.id}`)).json();
    expect(history.items).toEqual([]);
  });

  it('reads national numbers in the widget country and refuses what is no number', async () => {
    t.clock.set(OPEN);
    const ru = await callbackWidget(t);
    const by = await callbackWidget(t, {
      schedule: { ...ru.settings.schedule, country: 'by', holidays: false },
    });
    const phoneOf = async (key: string, phone: string) => {
      const response = await postOrder(t, key, { phone, now: true });
      return response.status === 201
        ? (await stored((await response.json()).id))?.order.phone
        : (await response.json()).error;
    };
    expect(await phoneOf(ru.key, '8 (999) 123-45-67')).toBe('+79991234567');
    expect(await phoneOf(ru.key, '+7 495 123-45-67')).toBe('+74951234567');
    expect(await phoneOf(by.key, '29 123 45 67')).toBe('+375291234567');
    expect(await phoneOf(by.key, '+7 999 123 45 67')).toEqual({
      code: 'invalid_phone',
      field: 'phone',
      message: 'We cannot call this number.',
    });
    for (const phone of ['12345', '+7 000 000 00 00', 'call me', '8 (999) 123-45-67 ext']) {
      expect(await phoneOf(ru.key, phone), phone).toEqual({
        code: 'invalid_phone',
        field: 'phone',
        message: 'This is not a valid phone number.',
      });
    }
    // Numbers abroad only when the widget's directions allow them.
    expect((await phoneOf(ru.key, '+1 202 555 0100')).code).toBe('invalid_phone');
    const abroad = await callbackWidget(t, {
      mode: {
        ...automatic(null),
        directions: { local: true, national: true, international: true },
      },
    });
    expect(await phoneOf(abroad.key, '+1 202 555 0100')).toBe('+12025550100');
  });

  it('names the field of a malformed body', async () => {
    t.clock.set(OPEN);
    const w = await callbackWidget(t);
    const cases: [unknown, string][] = [
      [{ now: true }, 'phone'],
      [{ phone: '  ', now: true }, 'phone'],
      [{ phone: '+79991234567' }, 'slot'],
      [{ phone: '+79991234567', now: true, slot: '2026-03-04T07:00:00.000Z' }, 'slot'],
      [{ phone: '+79991234567', now: false }, 'now'],
      [{ phone: '+79991234567', slot: 'tomorrow' }, 'slot'],
      [{ phone: '+79991234567', slot: '2026-03-04T07:00:00,000Z' }, 'slot'],
      [{ phone: '+79991234567', now: true, page: { url: 'x'.repeat(2001) } }, 'page.url'],
      [{ phone: '+79991234567', now: true, page: { utm: { source: 7 } } }, 'page.utm.source'],
      [{ phone: '+79991234567', now: true, timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ phone: '+79991234567', now: true, consent: 'yes' }, 'consent'],
    ];
    for (const [body, field] of cases) {
      const response = await postOrder(t, w.key, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await response.json()).error, JSON.stringify(body)).toMatchObject({
        code: 'invalid',
        field,
      });
    }
    for (const key of [null, '', 'has space', 'x'.repeat(101), 'a.b']) {
      const response = await postOrder(
        t,
        w.key,
        { phone: '+79991234567', now: true },
        { idempotencyKey: key },
      );
      expect(response.status, String(key)).toBe(400);
      expect((await response.json()).error).toMatchObject({
        code: 'invalid',
        field: 'Idempotency-Key',
      });
    }
  });

  it('stores one order per key: the same body gets the same 201 again, another body 409', async () => {
    t.clock.set(OPEN);
    const w = await callbackWidget(t);
    const key = 'order-key_1';
    const order = { phone: '+79991234567', now: true, name: 'Ivan', page: { url: 'https://a' } };
    const first = await postOrder(t, w.key, order, { idempotencyKey: key });
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const body = await first.text();

    // Another serialisation of the same object, later, after the company closed: same answer.
    t.clock.set('2026-03-04T20:00:00Z');
    const again = await t.request(`/v1/widgets/${w.key}/callbacks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify({
        page: { url: 'https://a' },
        name: 'Ivan',
        now: true,
        phone: '+79991234567',
      }),
    });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.text()).toBe(body);
    t.clock.set(OPEN);

    const other = await postOrder(t, w.key, { ...order, name: 'Petr' }, { idempotencyKey: key });
    expect(other.status).toBe(409);
    expect(await other.json()).toEqual({
      error: {
        code: 'idempotency_conflict',
        field: 'Idempotency-Key',
        message: expect.any(String),
      },
    });
    const history = await (await admin(`/v1/admin/call-history?widget=${w.id}`)).json();
    expect(history.items.map((item: { id: string }) => item.id)).toEqual([JSON.parse(body).id]);

    // Keys are per widget: another widget may use the same one.
    const other_widget = await callbackWidget(t);
    const elsewhere = await postOrder(t, other_widget.key, order, { idempotencyKey: key });
    expect(elsewhere.status).toBe(201);
    expect((await elsewhere.json()).id).not.toBe(JSON.parse(body).id);
  });

  it('parallel requests with one key make one order and all get its answer', async () => {
    t.clock.set(OPEN);
    const w = await callbackWidget(t);
    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        postOrder(t, w.key, { phone: '+79991234567', now: true }, { idempotencyKey: 'racing' }),
      ),
    );
    const bodies = await Promise.all(responses.map((response) => response.json()));
    expect(responses.map((response) => response.status)).toEqual(Array(8).fill(201));
    expect(new Set(bodies.map((body) => body.id)).size).toBe(1);
    const history = await (await admin(`/v1/admin/call-history?widget=${w.id}`)).json();
    expect(history.items).toHaveLength(1);
  });

  it('follows the origin rules of the public endpoints', async () => {
    t.clock.set(OPEN);
    const w = await callbackWidget(t);
    const order = { phone: '+79991234567', now: true };
    const foreign = await postOrder(t, w.key, order, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).error.code).toBe('origin_not_allowed');
    expect((await postOrder(t, w.key, order)).status).toBe(201);
  });

  it('404s an unknown, inactive or deleted widget, and widgets that take no orders', async () => {
    t.clock.set(OPEN);
    const inactive = await callbackWidget(t, {}, false);
    const deleted = await callbackWidget(t);
    await t.platform.store.widgets.softDelete(deleted.id, { reason: null, now: 1 });
    const call = await t.platform.store.widgets.create({
      accountId: t.accountId,
      type: 'call',
      name: 'Call',
      settings: defaultSettings('call'),
      now: 1,
    });
    const chat = defaultSettings('chat') as ChatSettings;
    const chatWithout = await t.platform.store.widgets.create({
      accountId: t.accountId,
      type: 'chat',
      name: 'Chat',
      settings: {
        ...chat,
        channels: { ...chat.channels, callback: { enabled: false, mode: automatic(null) } },
      },
      now: 1,
    });
    for (const key of ['no-such-widget', inactive.key, deleted.key, call.key, chatWithout.key]) {
      const response = await postOrder(t, key, { phone: '+79991234567', now: true });
      expect(response.status, key).toBe(404);
      expect((await response.json()).error.code).toBe('widget_not_found');
    }
  });

  it("takes orders from a chat's callback tab in that channel's mode", async () => {
    t.clock.set(OPEN);
    const chat = defaultSettings('chat') as ChatSettings;
    const w = await t.platform.store.widgets.create({
      accountId: t.accountId,
      type: 'chat',
      name: 'Chat with callback',
      settings: {
        ...chat,
        schedule: { ...chat.schedule, timeZone: 'Europe/Moscow' },
        channels: {
          ...chat.channels,
          callback: {
            enabled: true,
            mode: { kind: 'manual', emails: ['sales@corp.example'], smsNumbers: [] },
          },
        },
      },
      now: 1,
    });
    const response = await postOrder(t, w.key, { phone: '+79991234567', now: true });
    expect(response.status).toBe(201);
    const { order, task, notifications } = (await stored((await response.json()).id)) ?? {};
    expect(order).toMatchObject({ mode: 'manual', widgetName: 'Chat with callback' });
    expect(task).toBeNull();
    expect(notifications?.map((n) => n.recipient)).toEqual(['sales@corp.example']);
  });

  it("takes a chat's lead-capture orders without the callback tab: to its handler, telling its recipients", async () => {
    t.clock.set(OPEN);
    const chat = defaultSettings('chat') as ChatSettings;
    const triggers = (defaultSettings('callback') as CallbackSettings).leadGenerator.triggers;
    const w = await t.platform.store.widgets.create({
      accountId: t.accountId,
      type: 'chat',
      name: 'Chat with lead capture',
      settings: {
        ...chat,
        schedule: { ...chat.schedule, timeZone: 'Europe/Moscow' },
        channels: {
          ...chat.channels,
          callback: null,
          leadGeneration: {
            enabled: true,
            triggers: { ...triggers, timeOnPage: { enabled: true, seconds: 30 } },
            repeatAfterHours: 24,
            skipIfPhoneLeft: true,
            handler: null,
            notifyEmails: ['leads@corp.example'],
            notifyPhones: ['+79990001122'],
            companyNumber: '+74950000000',
          },
        },
      },
      now: 1,
    });
    const response = await postOrder(t, w.key, { phone: '+79991234567', now: true });
    expect(response.status).toBe(201);
    const { order, task, notifications } = (await stored((await response.json()).id)) ?? {};
    expect(order).toMatchObject({
      mode: 'automatic',
      widgetName: 'Chat with lead capture',
      addressee: { kind: 'account' },
      outgoingNumber: '+74950000000',
    });
    expect(task).not.toBeNull();
    expect(notifications?.map((n) => `${n.channel} ${n.recipient}`).sort()).toEqual([
      'email leads@corp.example',
      'sms +79990001122',
    ]);
  });

  it('manual mode queues one e-mail per address and one SMS per number with the order', async () => {
    t.clock.set(OPEN);
    const w = await callbackWidget(t, {
      mode: {
        kind: 'manual',
        emails: ['boss@corp.example', 'sales@corp.example'],
        smsNumbers: ['+79990001122'],
      },
    });
    const slot = slotsOf(w)[1] ?? '';
    const response = await postOrder(t, w.key, {
      phone: '8 999 123 45 67',
      slot,
      name: 'Ivan',
      page: { url: 'https://shop.example/', title: 'Shop', utm: { source: 'ya' } },
    });
    expect(response.status).toBe(201);
    const { id } = await response.json();
    const { order, task, notifications = [] } = (await stored(id)) ?? {};
    expect(order?.mode).toBe('manual');
    expect(task).toBeNull();
    const byRecipient = Object.fromEntries(notifications.map((n) => [n.recipient, n]));
    expect(Object.keys(byRecipient).sort()).toEqual([
      '+79990001122',
      'boss@corp.example',
      'sales@corp.example',
    ]);
    expect(byRecipient['boss@corp.example']).toMatchObject({
      orderId: id,
      channel: 'email',
      subject: 'Callback order: +79991234567 (Ivan)',
      status: 'pending',
      attempts: 0,
      nextAttemptAt: Date.parse(OPEN),
      sentAt: null,
    });
    expect(byRecipient['boss@corp.example']?.body).toContain(
      'When: Wednesday, 4 March 2026 at 10:30 (Europe/Moscow)',
    );
    expect(byRecipient['boss@corp.example']?.body).toContain('Page: Shop <https://shop.example/>');
    expect(byRecipient['+79990001122']).toMatchObject({
      channel: 'sms',
      subject: null,
      body: 'Callback +79991234567 (Ivan), 04/03, 10:30: Call me back',
    });
  });
});

describe('callback order rate limits', () => {
  const sqlite = engines[0];
  let database: TestDatabase;
  let t: TestPlatform;

  beforeAll(async () => {
    if (!sqlite) throw new Error('no SQLite engine');
    database = await sqlite.open();
    t = await startPlatform(database, { limits: { ordersPerIp: 4, ordersPerPhone: 2 } });
    t.clock.set(OPEN);
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  it('limits orders per number and per IP; a repeat under the same key is not counted', async () => {
    const w = await callbackWidget(t);
    const same = { phone: '+79991234567', now: true };
    expect((await postOrder(t, w.key, same, { idempotencyKey: 'a' })).status).toBe(201);
    expect((await postOrder(t, w.key, same, { idempotencyKey: 'a' })).status).toBe(201);
    expect((await postOrder(t, w.key, same, { idempotencyKey: 'b' })).status).toBe(201);
    const perPhone = await postOrder(t, w.key, same, { idempotencyKey: 'c' });
    expect(perPhone.status).toBe(429);
    expect((await perPhone.json()).error).toMatchObject({ code: 'rate_limited', field: 'phone' });

    // The IP has used 3 of its 4 points (the repeat was free): one more, then refused.
    expect((await postOrder(t, w.key, { phone: '+79991112233', now: true })).status).toBe(201);
    const perIp = await postOrder(t, w.key, { phone: '+79994445566', now: true });
    expect(perIp.status).toBe(429);
    const { error } = await perIp.json();
    expect(error.code).toBe('rate_limited');
    expect(error.field).toBeUndefined();
    expect(error.message).toMatch(
      /^Too many callback orders from your address; try again in \d+ s\.$/,
    );
  });
});
