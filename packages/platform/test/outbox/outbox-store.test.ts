/**
 * The outbox in the store: claims fenced by their attempt, kinds in order, give-ups and overdue
 * messages told to admins once, rate-limited attempts given back.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Account, User } from '../../src/accounts/account-records';
import type { NewOutboxMessage } from '../../src/outbox/outbox-records';
import type { Store } from '../../src/storage/store';
import { createStore } from '../../src/storage/store';
import type { Widget } from '../../src/widgets/widget-records';
import { engines, type TestDatabase } from '../support/databases';
import { newAccount, newUser, orderInput, settingsFor } from '../support/store-fixtures';

const T0 = 1_772_600_000_000;
const LEASE = 300_000;

const mail = (recipient: string, subject = 'Hello'): NewOutboxMessage => ({
  channel: 'email',
  recipient,
  subject,
  body: 'Body',
});

describe.each(engines)('outbox on $name', (engine) => {
  let database: TestDatabase;
  let store: Store;
  let account: Account;
  let widget: Widget;
  let admins: User[];
  beforeAll(async () => {
    database = await engine.open();
    store = createStore(database);
    // In English: the alerts below are read in it.
    account = await newAccount(store);
    await store.accounts.update(account.id, { language: 'en' });
    admins = [
      await newUser(store, account.id, { role: 'admin', email: 'first-admin@shop.example' }),
      await newUser(store, account.id, { role: 'admin', email: 'second-admin@shop.example' }),
    ];
    await newUser(store, account.id, { role: 'marketer' });
    await newUser(store, account.id, { role: 'operator' });
    widget = await store.widgets.create({
      accountId: account.id,
      type: 'callback',
      name: 'Callback',
      settings: settingsFor('callback'),
      now: T0,
    });
  });
  afterAll(() => database?.drop());
  // Every test starts with an empty outbox, so claims see only its messages.
  beforeEach(async () => {
    await database.db.deleteFrom('outbox').execute();
  });

  const claim = (now: number, by = 'worker-1', limit = 20) =>
    store.outbox.claim({ channels: ['email', 'sms'], now, by, staleBefore: now - LEASE, limit });
  const all = async () => (await store.outbox.list({ accountId: account.id, limit: 100 })).items;

  it("a claim whose lease ran out cannot settle: a late error leaves the new claim's outcome", async () => {
    await store.outbox.queue({
      accountId: account.id,
      kind: 'embed',
      messages: [mail('dev@x.example')],
      now: T0,
    });
    const [stale] = await claim(T0);
    // The same worker (one process, one name) takes it again once the lease ran out.
    const [fresh] = await claim(T0 + LEASE);
    expect([stale?.attempts, fresh?.attempts]).toEqual([1, 2]);
    if (!stale || !fresh) return;

    expect(
      await store.outbox.settle(stale, 'worker-1', {
        status: 'pending',
        error: 'late timeout',
        retryAt: T0 + LEASE + 30_000,
      }),
    ).toBe(false);
    expect((await all())[0]).toMatchObject({ status: 'sending', attempts: 2, lastError: null });
    expect(
      await store.outbox.settle(fresh, 'worker-1', { status: 'sent', at: T0 + LEASE + 1 }),
    ).toBe(true);
    // And once settled, the stale claim's failure changes nothing either.
    expect(
      await store.outbox.settle(stale, 'worker-1', {
        status: 'failed',
        error: 'late',
        at: T0 + LEASE + 2,
      }),
    ).toBe(false);
    expect((await all())[0]).toMatchObject({
      status: 'sent',
      sentAt: T0 + LEASE + 1,
      failedAt: null,
    });
    expect(await claim(T0 + 10 * LEASE)).toEqual([]);
  });

  it('claims order notifications and alerts first, then embed codes, then chat e-mails', async () => {
    await store.outbox.queue({
      accountId: account.id,
      kind: 'chat',
      messages: Array.from({ length: 25 }, (_, i) => mail(`night${i}@shop.example`)),
      now: T0,
    });
    await store.outbox.queue({
      accountId: account.id,
      kind: 'embed',
      messages: [mail('dev@x.example')],
      now: T0 + 1,
    });
    const placed = await store.orders.place(
      orderInput(widget, T0 + 2, {
        order: { mode: 'manual' },
        dueAt: null,
        notifications: [mail('boss@shop.example', 'Callback order')],
      }),
    );
    expect(placed.outcome).toBe('created');

    const first = await claim(T0 + 3, 'worker-1', 5);
    expect(first.map((m) => m.kind)).toEqual(['order', 'embed', 'chat', 'chat', 'chat']);
    expect(first[0]?.recipient).toBe('boss@shop.example');
    expect((await all()).filter((m) => m.status === 'pending')).toHaveLength(22);
  });

  it('a message given up is e-mailed to each admin of its account once; an alert given up is not', async () => {
    await store.outbox.queue({
      accountId: account.id,
      kind: 'embed',
      messages: [mail('gone@x.example', 'The code')],
      now: T0,
    });
    const [claimed] = await claim(T0);
    if (!claimed) throw new Error('nothing claimed');
    const failed = { status: 'failed', error: 'SMTP: 550 No such mailbox', at: T0 + 5 } as const;
    expect(await store.outbox.settle(claimed, 'worker-1', failed)).toBe(true);
    expect(await store.outbox.settle(claimed, 'worker-1', failed)).toBe(false);

    const messages = await all();
    expect(messages.find((m) => m.recipient === 'gone@x.example')).toMatchObject({
      status: 'failed',
      failedAt: T0 + 5,
      lastError: 'SMTP: 550 No such mailbox',
    });
    const alerts = messages.filter((m) => m.kind === 'alert');
    expect(alerts.map((m) => m.recipient).sort()).toEqual(admins.map((a) => a.email).sort());
    for (const alert of alerts) {
      expect(alert).toMatchObject({
        channel: 'email',
        status: 'pending',
        orderId: null,
        subject: 'Undelivered e-mail to gone@x.example',
        nextAttemptAt: T0 + 5,
      });
      expect(alert.body).toContain(
        'The e-mail "The code" to gone@x.example could not be delivered',
      );
      expect(alert.body).toContain('Last error: SMTP: 550 No such mailbox');
    }

    // The alerts are claimed first, and one given up in turn alerts nobody.
    const [alert] = await claim(T0 + 5);
    if (!alert) throw new Error('no alert claimed');
    expect(alert.kind).toBe('alert');
    expect(await store.outbox.settle(alert, 'worker-1', { ...failed, at: T0 + 6 })).toBe(true);
    expect((await all()).filter((m) => m.kind === 'alert')).toHaveLength(2);
  });

  it('the attempt that makes a message overdue e-mails each admin once; the message stays pending', async () => {
    await store.outbox.queue({
      accountId: account.id,
      kind: 'embed',
      messages: [mail('late@x.example', 'The code')],
      now: T0,
    });
    const [claimed] = await claim(T0);
    if (!claimed) throw new Error('nothing claimed');
    const overdue = {
      status: 'pending',
      error: 'SMTP: 535 Authentication failed',
      retryAt: T0 + 3_600_000,
      overdueAt: T0 + 5,
    } as const;
    expect(await store.outbox.settle(claimed, 'worker-1', overdue)).toBe(true);
    expect(await store.outbox.settle(claimed, 'worker-1', overdue)).toBe(false);

    const messages = await all();
    expect(messages.find((m) => m.recipient === 'late@x.example')).toMatchObject({
      status: 'pending',
      attempts: 1,
      nextAttemptAt: T0 + 3_600_000,
      failedAt: null,
      lastError: 'SMTP: 535 Authentication failed',
    });
    const alerts = messages.filter((m) => m.kind === 'alert');
    expect(alerts.map((m) => m.recipient).sort()).toEqual(admins.map((a) => a.email).sort());
    for (const alert of alerts) {
      expect(alert).toMatchObject({
        status: 'pending',
        subject: 'Undelivered e-mail to late@x.example',
        nextAttemptAt: T0 + 5,
      });
      expect(alert.body).toContain(
        'The e-mail "The code" to late@x.example could not be delivered',
      );
      expect(alert.body).toContain('Last error: SMTP: 535 Authentication failed');
      // Still tried: neither given up nor listed as failed.
      expect(alert.body).toContain(
        '1 attempt so far; the platform tries again every hour until it goes.',
      );
      expect(alert.body).not.toContain('gave up');
      expect(alert.body).not.toContain('status=failed');
    }
  });

  it('a rate-limited attempt is given back: a wait the provider asked for is no failure', async () => {
    await store.outbox.queue({
      accountId: account.id,
      kind: 'embed',
      messages: [mail('busy@x.example')],
      now: T0,
    });
    const [first] = await claim(T0);
    if (!first) throw new Error('nothing claimed');
    const limited = {
      status: 'pending',
      error: 'SMS: HTTP 429',
      retryAt: T0 + 7_000,
      rateLimited: true,
    } as const;
    expect(await store.outbox.settle(first, 'worker-1', limited)).toBe(true);
    expect((await all())[0]).toMatchObject({
      status: 'pending',
      attempts: 0,
      nextAttemptAt: T0 + 7_000,
      lastError: 'SMS: HTTP 429',
    });
    expect(await claim(T0 + 6_999)).toEqual([]);
    const [second] = await claim(T0 + 7_000);
    if (!second) throw new Error('not claimed again');
    expect(second.attempts).toBe(1);
    // A failure that is not a rate limit counts.
    const failed = { status: 'pending', error: 'SMS: HTTP 503', retryAt: T0 + 37_000 } as const;
    expect(await store.outbox.settle(second, 'worker-1', failed)).toBe(true);
    expect((await all())[0]).toMatchObject({ status: 'pending', attempts: 1 });
  });

  it('alerts the admins of a Russian account in Russian', async () => {
    const russian = await newAccount(store, 'Магазин');
    const admin = await newUser(store, russian.id, { role: 'admin', email: 'admin@shop.ru' });
    await store.outbox.queue({
      accountId: russian.id,
      kind: 'embed',
      messages: [mail('gone@x.ru', 'Код')],
      now: T0,
    });
    const [claimed] = await claim(T0);
    if (!claimed) throw new Error('nothing claimed');
    const failed = { status: 'failed', error: 'SMTP: 550', at: T0 + 5 } as const;
    await store.outbox.settle(claimed, 'worker-1', failed);
    const { items } = await store.outbox.list({ accountId: russian.id, limit: 10 });
    const alert = items.find((m) => m.kind === 'alert');
    expect(alert).toMatchObject({
      recipient: admin.email,
      subject: 'Не доставлено письмо на gone@x.ru',
    });
    expect(alert?.body).toContain('Письмо «Код» на gone@x.ru не удалось доставить;');
    expect(alert?.body).toContain('платформа прекратила попытки после 1 попытки.');
  });
});
