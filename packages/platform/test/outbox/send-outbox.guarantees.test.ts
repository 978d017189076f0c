/**
 * What the outbox promises beyond delivery, against real receivers on loopback: a pass whose
 * lease ran out cannot undo a later pass's outcome; order notifications go out before a backlog
 * of chat e-mails; a provider down, rate-limiting or refusing our login delays messages but loses
 * none; a message overdue is e-mailed to the admins once.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OutboxMessage } from '@frontdesk/platform';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { emailTransport } from '../../src/outbox/email-transport';
import { OVERDUE_ATTEMPTS, sendOutbox } from '../../src/outbox/send-outbox';
import { engines, type TestDatabase } from '../support/databases';
import { callbackWidget, postOrder } from '../support/orders';
import { startPlatform, type TestPlatform } from '../support/platform';
import { type SmtpReceiver, smtpReceiver } from '../support/smtp';

const OPEN = '2026-03-04T07:00:00Z';
const LEASE_MS = 300_000;

/** A request the SMS adapter holds until the test answers it with a status. */
interface HeldRequest {
  to: string;
  answer(status: number): void;
}

/**
 * An SMS adapter that answers every request with `status` (and `headers`), or holds it for the
 * test to answer (`hold()`): then `next()` resolves to the next request that came in.
 */
function smsAdapter() {
  const held: HeldRequest[] = [];
  const waiting: ((request: HeldRequest) => void)[] = [];
  let status: number | 'hold' = 200;
  let headers: Record<string, string> = {};
  let count = 0;
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    request.on('end', () => {
      count++;
      const answer = (code: number) =>
        response.writeHead(code, headers).end(code === 200 ? '{}' : 'busy');
      if (status !== 'hold') return answer(status);
      const item = { to: (JSON.parse(body) as { to: string }).to, answer };
      const waiter = waiting.shift();
      if (waiter) waiter(item);
      else held.push(item);
    });
  });
  return {
    server,
    url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`,
    answerWith(next: number | 'hold', nextHeaders: Record<string, string> = {}) {
      status = next;
      headers = nextHeaders;
    },
    next: () =>
      new Promise<HeldRequest>((resolve) => {
        const item = held.shift();
        if (item) resolve(item);
        else waiting.push(resolve);
      }),
    requests: () => count,
  };
}

describe.each(engines)('outbox guarantees on $name', (engine) => {
  let database: TestDatabase;
  let t: TestPlatform;
  let smtp: SmtpReceiver;
  let sms: ReturnType<typeof smsAdapter>;
  let admin: Awaited<ReturnType<TestPlatform['signIn']>>;

  beforeAll(async () => {
    database = await engine.open();
    smtp = smtpReceiver();
    sms = smsAdapter();
    await new Promise<void>((done) => sms.server.listen(0, '127.0.0.1', done));
    t = await startPlatform(database, {
      env: { SMTP_URL: await smtp.start(), SMS_URL: sms.url(), WORKER_LEASE_MS: String(LEASE_MS) },
      limits: { ordersPerIp: 10_000, ordersPerPhone: 10_000 },
    });
    admin = await t.signIn('admin');
  });
  afterEach(() => sms.answerWith(200));
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
    await new Promise((done) => sms?.server.close(done));
    await database?.drop();
  });

  /** A manual-mode order notifying `emails` and `smsNumbers`; its id. */
  async function manualOrder(emails: string[], smsNumbers: string[]): Promise<string> {
    const w = await callbackWidget(t, { mode: { kind: 'manual', emails, smsNumbers } });
    const response = await postOrder(t, w.key, { phone: '+79991234567', now: true });
    expect(response.status).toBe(201);
    return (await response.json()).id;
  }

  async function outbox(query: string): Promise<OutboxMessage[]> {
    const response = await admin(`/v1/admin/outbox?limit=100&${query}`);
    expect(response.status).toBe(200);
    return (await response.json()).items;
  }

  it("a late error of a pass whose lease ran out leaves the next pass's delivery as it was", async () => {
    t.clock.set(OPEN);
    sms.answerWith('hold');
    const id = await manualOrder([], ['+79990005566']);
    const before = sms.requests();
    const first = t.platform.workers.sendOutbox();
    const slow = await sms.next();
    // The first send hangs past the lease: the next pass (same process) takes the message again.
    t.clock.advance(LEASE_MS);
    const second = t.platform.workers.sendOutbox();
    const retry = await sms.next();
    slow.answer(503);
    expect(await first).toBe(1);
    retry.answer(200);
    expect(await second).toBe(1);

    const [message] = await outbox(`order=${id}`);
    expect(message).toMatchObject({
      status: 'sent',
      attempts: 2,
      lastError: null,
      sentAt: t.clock().getTime(),
    });
    sms.answerWith(200);
    t.clock.advance(3_600_000);
    expect(await t.platform.workers.sendOutbox()).toBe(0);
    expect(sms.requests() - before).toBe(2);
  });

  it('sends an order notification before a backlog of chat e-mails', async () => {
    t.clock.set(OPEN);
    await t.platform.store.outbox.queue({
      accountId: t.accountId,
      kind: 'chat',
      messages: Array.from({ length: 30 }, (_, i) => ({
        channel: 'email' as const,
        recipient: `night${i}@shop.example`,
        subject: 'Chat message out of hours: Site chat',
        body: `Message ${i}`,
      })),
      now: t.clock().getTime(),
    });
    t.clock.advance(1_000);
    const id = await manualOrder(['boss@shop.example'], []);

    await t.platform.workers.sendOutbox();
    const [notification] = await outbox(`order=${id}`);
    expect(notification?.status).toBe('sent');
    expect(notification).toMatchObject({ kind: 'order', attempts: 1 });
    expect(smtp.mails.some((mail) => mail.to.includes('boss@shop.example'))).toBe(true);
    const waiting = (await outbox('status=pending')).filter((m) => m.kind === 'chat');
    expect(waiting.length).toBeGreaterThan(0);
  });

  /** Passes until nothing is due, so each pass after it handles only what the test queues. */
  async function drain() {
    while ((await t.platform.workers.sendOutbox()) > 0);
  }

  it('a message overdue is e-mailed to each admin once and still tried every hour until it goes', async () => {
    t.clock.set(OPEN);
    await drain();
    const second = await t.addUser('admin', 'Second Admin');
    sms.answerWith(503);
    const id = await manualOrder([], ['+79990007788']);
    const mailsBefore = smtp.mails.length;
    // Each pass handles the SMS alone: no alert was queued before the attempt making it overdue.
    for (let attempt = 1; attempt <= OVERDUE_ATTEMPTS; attempt++) {
      if (attempt > 1) t.clock.advance(3_600_000);
      expect(await t.platform.workers.sendOutbox()).toBe(1);
    }
    // Twelve hours on, the morning's session has expired.
    admin = await t.signIn('admin');
    const [overdue] = await outbox(`order=${id}`);
    expect(overdue).toMatchObject({
      status: 'pending',
      attempts: OVERDUE_ATTEMPTS,
      nextAttemptAt: t.clock().getTime() + 3_600_000,
      lastError: 'SMS: HTTP 503 busy',
      failedAt: null,
    });
    expect((await outbox('status=failed')).map((m) => m.id)).not.toContain(overdue?.id);

    // The attempt that made it overdue queued the admins' alerts; later ones queue none.
    expect(await t.platform.workers.sendOutbox()).toBe(2);
    for (let i = 0; i < 3; i++) {
      t.clock.advance(3_600_000);
      expect(await t.platform.workers.sendOutbox()).toBe(1);
    }
    const alerts = smtp.mails.slice(mailsBefore);
    expect(alerts.map((mail) => mail.to[0]).sort()).toEqual(
      [t.users.admin.email, second.email].sort(),
    );
    for (const alert of alerts) {
      expect(alert.data).toContain('Subject: Undelivered SMS to +79990007788');
      expect(alert.data).toContain('Last error: SMS: HTTP 503 busy');
      // It was not given up, nor is it listed as failed.
      expect(alert.data).not.toContain('gave up');
      expect(alert.data).not.toContain('status=failed');
    }

    // The provider is back: the next hourly attempt delivers it, and nobody is told again.
    sms.answerWith(200);
    t.clock.advance(3_600_000);
    expect(await t.platform.workers.sendOutbox()).toBe(1);
    admin = await t.signIn('admin');
    const order = await (await admin(`/v1/admin/orders/${id}`)).json();
    expect(order.notifications).toMatchObject([
      { status: 'sent', attempts: OVERDUE_ATTEMPTS + 4, sentAt: t.clock().getTime() },
    ]);
    t.clock.advance(3_600_000);
    expect(await t.platform.workers.sendOutbox()).toBe(0);
    expect(smtp.mails).toHaveLength(mailsBefore + 2);
  });

  it('a message whose overdue attempt died mid-send is told of by the next attempt, once', async () => {
    t.clock.set(OPEN);
    sms.answerWith(503);
    await manualOrder([], ['+79990009911']);
    const toldOf = () =>
      smtp.mails.filter((mail) => mail.data.includes('Subject: Undelivered SMS to +79990009911'));
    for (let attempt = 1; attempt < OVERDUE_ATTEMPTS; attempt++) {
      if (attempt > 1) t.clock.advance(3_600_000);
      expect(await t.platform.workers.sendOutbox()).toBe(1);
    }
    // The attempt that makes it overdue hangs: its process is as good as dead.
    sms.answerWith('hold');
    t.clock.advance(3_600_000);
    const dying = t.platform.workers.sendOutbox();
    const hanging = await sms.next();
    t.clock.advance(LEASE_MS);
    sms.answerWith(503);
    expect(await t.platform.workers.sendOutbox()).toBe(1);
    // The next attempt told each admin once (their alerts go on the next pass), after 13 attempts.
    const admins = (await t.platform.store.users.list(t.accountId))
      .filter((user) => user.role === 'admin')
      .map((user) => user.email);
    expect(await t.platform.workers.sendOutbox()).toBe(admins.length);
    const alerts = toldOf();
    expect(alerts.map((mail) => mail.to[0]).sort()).toEqual(admins.sort());
    for (const alert of alerts) expect(alert.data).toContain('13 attempts so far');

    // The dead pass's late answer changes nothing, and later attempts tell nobody again.
    hanging.answer(503);
    expect(await dying).toBe(1);
    for (let i = 0; i < 3; i++) {
      t.clock.advance(3_600_000);
      expect(await t.platform.workers.sendOutbox()).toBe(1);
    }
    expect(toldOf()).toHaveLength(alerts.length);
  });

  it("a rate limit waits the provider's Retry-After and is not counted as an attempt", async () => {
    t.clock.set(OPEN);
    await drain();
    admin = await t.signIn('admin');
    sms.answerWith(429, { 'retry-after': '120' });
    const id = await manualOrder([], ['+79990009900']);
    // Far more rate-limited attempts than make a message overdue: none counts, nobody is told.
    const mailsBefore = smtp.mails.length;
    for (let i = 0; i < OVERDUE_ATTEMPTS + 3; i++) {
      expect(await t.platform.workers.sendOutbox()).toBe(1);
      t.clock.advance(119_000);
      expect(await t.platform.workers.sendOutbox()).toBe(0);
      t.clock.advance(1_000);
    }
    expect((await outbox(`order=${id}`))[0]).toMatchObject({
      status: 'pending',
      attempts: 0,
      nextAttemptAt: t.clock().getTime(),
      lastError: 'SMS: HTTP 429 busy',
    });
    // A wait given as a date.
    sms.answerWith(429, { 'retry-after': new Date(t.clock().getTime() + 600_000).toUTCString() });
    expect(await t.platform.workers.sendOutbox()).toBe(1);
    expect((await outbox(`order=${id}`))[0]).toMatchObject({
      attempts: 0,
      nextAttemptAt: t.clock().getTime() + 600_000,
    });
    sms.answerWith(200);
    t.clock.advance(600_000);
    expect(await t.platform.workers.sendOutbox()).toBe(1);
    expect((await outbox(`order=${id}`))[0]).toMatchObject({ status: 'sent', attempts: 1 });
    expect(smtp.mails).toHaveLength(mailsBefore);
  });

  it('a refused SMTP login (535) delays every e-mail and alerts nobody; they go once it is fixed', async () => {
    t.clock.set(OPEN);
    await drain();
    admin = await t.signIn('admin');
    let password = 'wrong';
    const received: string[] = [];
    const server = new SMTPServer({
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onAuth(auth, _session, callback) {
        if (auth.password === password) return callback(null, { user: auth.username });
        callback(Object.assign(new Error('Authentication failed'), { responseCode: 535 }));
      },
      onData(stream, session, callback) {
        stream.resume();
        stream.on('end', () => {
          received.push(...session.envelope.rcptTo.map((rcpt) => rcpt.address));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.server.address() as AddressInfo;
    // The platform's mailer with the password the server was just changed to.
    const mailer = emailTransport(`smtp://shop:right@127.0.0.1:${port}`, 'shop@x.test', 'x.test');
    const send = () =>
      sendOutbox(t.platform.store, t.clock, { email: mailer }, { by: 'mailer', leaseMs: LEASE_MS });
    try {
      const id = await manualOrder(['boss@login.example', 'sales@login.example'], []);
      expect(await send()).toBe(2);
      const messages = await outbox(`order=${id}`);
      for (const message of messages) {
        expect(message).toMatchObject({
          status: 'pending',
          attempts: 1,
          lastError: expect.stringContaining('535'),
        });
      }
      // No alert was queued (it would not go either).
      const alerts = (await outbox('')).filter((m) => m.kind === 'alert');
      expect(alerts.filter((m) => m.subject?.includes('@login.example'))).toEqual([]);

      password = 'right';
      t.clock.advance(30_000);
      expect(await send()).toBe(2);
      expect(received.sort()).toEqual(['boss@login.example', 'sales@login.example']);
      expect((await outbox(`order=${id}`)).map((m) => [m.status, m.attempts])).toEqual([
        ['sent', 2],
        ['sent', 2],
      ]);
    } finally {
      mailer.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
