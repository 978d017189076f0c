/**
 * The outbox against real receivers on loopback: an SMTP server (smtp-server) and an HTTP SMS
 * adapter. They start down, so the first attempts fail; the outbox retries once they are up, and
 * sends nothing twice.
 */
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { createPlatform, type OutboxMessage, type Platform, readEnv } from '@frontdesk/platform';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/database';
import { engines, type TestDatabase } from '../support/databases';
import { callbackWidget, postOrder } from '../support/orders';
import { startPlatform, type TestPlatform } from '../support/platform';
import { type SmtpReceiver, smtpReceiver } from '../support/smtp';

const OPEN = '2026-03-04T07:00:00Z';

/** A loopback port nobody listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** An SMS adapter on `port`: 200 for every number but `+79990000400`, which it refuses (400). */
function smsReceiver(port: number) {
  const messages: { key: string | undefined; body: { to: string; text: string } }[] = [];
  let server: Server | undefined;
  return {
    messages,
    start: () =>
      new Promise<void>((resolve) => {
        server = createServer((request, response) => {
          let body = '';
          request.on('data', (chunk: Buffer) => {
            body += chunk.toString('utf8');
          });
          request.on('end', () => {
            const parsed = JSON.parse(body) as { to: string; text: string };
            if (parsed.to === '+79990000400') {
              response.writeHead(400).end('unknown number');
              return;
            }
            messages.push({ key: request.headers['idempotency-key'] as string, body: parsed });
            response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
          });
        });
        server.listen(port, '127.0.0.1', resolve);
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (!server) return resolve();
        server.closeAllConnections();
        server.close(() => resolve());
        server = undefined;
      }),
  };
}

describe.each(engines)('outbox delivery on $name', (engine) => {
  let database: TestDatabase;
  let t: TestPlatform;
  let smtp: SmtpReceiver;
  let sms: ReturnType<typeof smsReceiver>;
  let env: NodeJS.ProcessEnv;
  let admin: (path: string, init?: RequestInit) => Promise<Response>;

  beforeAll(async () => {
    database = await engine.open();
    const [smtpPort, smsPort] = await Promise.all([freePort(), freePort()]);
    smtp = smtpReceiver(smtpPort);
    sms = smsReceiver(smsPort);
    env = {
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      SMS_URL: `http://127.0.0.1:${smsPort}/send`,
      MAIL_FROM: 'Frontdesk <robot@frontdesk.test>',
    };
    t = await startPlatform(database, {
      env,
      limits: { ordersPerIp: 10_000, ordersPerPhone: 10_000 },
    });
    admin = await t.signIn('admin');
  });
  afterEach(async () => {
    await smtp.stop();
    await sms.stop();
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  /** A manual-mode order notifying `emails` and `smsNumbers`; its id. */
  async function manualOrder(emails: string[], smsNumbers: string[]): Promise<string> {
    const w = await callbackWidget(t, { mode: { kind: 'manual', emails, smsNumbers } });
    const response = await postOrder(t, w.key, { phone: '+79991234567', now: true, name: 'Ivan' });
    expect(response.status).toBe(201);
    return (await response.json()).id;
  }

  async function notifications(orderId: string): Promise<Record<string, OutboxMessage>> {
    const response = await admin(`/v1/admin/outbox?order=${orderId}`);
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as { items: OutboxMessage[] };
    return Object.fromEntries(items.map((item) => [item.recipient, item]));
  }

  it('retries while the receivers are down, sends once they are up, and never again', async () => {
    t.clock.set(OPEN);
    const id = await manualOrder(['boss@corp.example', 'sales@corp.example'], ['+79990001122']);
    expect(await t.platform.workers.sendOutbox()).toBe(3);
    for (const message of Object.values(await notifications(id))) {
      expect(message).toMatchObject({
        status: 'pending',
        attempts: 1,
        nextAttemptAt: Date.parse(OPEN) + 30_000,
        lastError: expect.stringMatching(message.channel === 'email' ? /^SMTP: / : /^SMS: /),
        sentAt: null,
      });
    }

    await smtp.start();
    await sms.start();
    // Not due yet: the backoff holds even though the receivers are back.
    expect(await t.platform.workers.sendOutbox()).toBe(0);
    t.clock.advance(30_000);
    expect(await t.platform.workers.sendOutbox()).toBe(3);
    const sent = await notifications(id);
    for (const message of Object.values(sent)) {
      expect(message).toMatchObject({ status: 'sent', attempts: 2, sentAt: t.clock().getTime() });
    }

    expect(smtp.mails.map((mail) => mail.to).sort()).toEqual([
      ['boss@corp.example'],
      ['sales@corp.example'],
    ]);
    const mail = smtp.mails[0]?.data ?? '';
    expect(mail).toContain('From: Frontdesk <robot@frontdesk.test>');
    expect(mail).toContain('Subject: Callback order: +79991234567 (Ivan)');
    expect(mail).toMatch(/Message-ID: <[0-9a-f-]{36}@127\.0\.0\.1>/);
    expect(mail).toContain('Phone: +79991234567');
    expect(sms.messages).toEqual([
      {
        key: sent['+79990001122']?.id,
        body: { to: '+79990001122', text: 'Callback +79991234567 (Ivan), now: Call me back' },
      },
    ]);

    for (let i = 0; i < 3; i++) {
      t.clock.advance(3_600_000);
      expect(await t.platform.workers.sendOutbox()).toBe(0);
    }
    expect(smtp.mails).toHaveLength(2);
    expect(sms.messages).toHaveLength(1);
  });

  it('gives up at once on a permanent refusal', async () => {
    t.clock.set(OPEN);
    await smtp.start();
    await sms.start();
    const id = await manualOrder(['bounce@corp.example'], ['+79990000400']);
    expect(await t.platform.workers.sendOutbox()).toBe(2);
    const messages = await notifications(id);
    expect(messages['bounce@corp.example']).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: expect.stringContaining('No such mailbox'),
    });
    expect(messages['+79990000400']).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: 'SMS: HTTP 400 unknown number',
    });
    // The account's admin hears of each message given up, once.
    const mails = smtp.mails.length;
    expect(await t.platform.workers.sendOutbox()).toBe(2);
    expect(smtp.mails.slice(mails).map((mail) => mail.to)).toEqual([
      ['admin@test.example'],
      ['admin@test.example'],
    ]);
    t.clock.advance(3_600_000);
    expect(await t.platform.workers.sendOutbox()).toBe(0);
  });

  it('a claim left by a process that died mid-send is sent again after the lease', async () => {
    t.clock.set(OPEN);
    await sms.start();
    const id = await manualOrder([], ['+79990003344']);
    const [claimed] = await t.platform.store.outbox.claim({
      channels: ['sms'],
      now: t.clock().getTime(),
      by: 'dead-process',
      staleBefore: 0,
      limit: 10,
    });
    expect(claimed?.orderId).toBe(id);
    expect(await t.platform.workers.sendOutbox()).toBe(0);
    t.clock.advance(300_000);
    expect(await t.platform.workers.sendOutbox()).toBe(1);
    expect((await notifications(id))['+79990003344']).toMatchObject({
      status: 'sent',
      attempts: 2,
    });
    // The dead claimer cannot settle it any more.
    expect(
      await t.platform.store.outbox.settle(claimed ?? { id: '', attempts: 0 }, 'dead-process', {
        status: 'failed',
        error: 'late',
        at: t.clock().getTime(),
      }),
    ).toBe(false);
  });

  it('two processes sending at once send each message exactly once', async () => {
    t.clock.set(OPEN);
    await smtp.start();
    await sms.start();
    const before = { mails: smtp.mails.length, sms: sms.messages.length };
    for (let i = 0; i < 10; i++) {
      await manualOrder([`team${i}@corp.example`], [`+7999100${String(i).padStart(4, '0')}`]);
    }
    const connection = await openDatabase(database.options);
    const other: Platform = await createPlatform({
      env: readEnv({ PORT: '0', WORKER_INTERVAL_MS: '0', ...env }),
      clock: t.clock,
      database: connection,
    });
    try {
      const handled = await Promise.all([
        t.platform.workers.sendOutbox(),
        other.workers.sendOutbox(),
        t.platform.workers.sendOutbox(),
        other.workers.sendOutbox(),
      ]);
      expect(handled.reduce((a, b) => a + b, 0)).toBe(20);
    } finally {
      await other.close();
      await connection.close();
    }
    const mails = smtp.mails.slice(before.mails).map((mail) => mail.to[0]);
    const texts = sms.messages.slice(before.sms).map((message) => message.body.to);
    expect(mails).toHaveLength(10);
    expect(new Set(mails).size).toBe(10);
    expect(texts).toHaveLength(10);
    expect(new Set(texts).size).toBe(10);
  });

  it('lists the outbox newest first, a page at a time, filtered by status', async () => {
    const sent = await admin('/v1/admin/outbox?status=sent&limit=2');
    const first = await sent.json();
    expect(first.items).toHaveLength(2);
    expect(first.items.every((m: OutboxMessage) => m.status === 'sent')).toBe(true);
    const second = await (
      await admin(`/v1/admin/outbox?status=sent&limit=2&cursor=${first.next}`)
    ).json();
    const ids = [...first.items, ...second.items].map((m: OutboxMessage) => m.id);
    expect(new Set(ids).size).toBe(4);
    expect((await admin('/v1/admin/outbox?cursor=nonsense')).status).toBe(400);
    expect((await t.request('/v1/admin/outbox')).status).toBe(401);
  });
});

describe('outbox without SMTP_URL and SMS_URL', () => {
  const sqlite = engines[0];
  let database: TestDatabase;
  let t: TestPlatform;

  beforeAll(async () => {
    if (!sqlite) throw new Error('no SQLite engine');
    database = await sqlite.open();
    t = await startPlatform(database);
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  it('keeps the messages pending, untouched', async () => {
    const w = await callbackWidget(t, {
      mode: { kind: 'manual', emails: ['boss@corp.example'], smsNumbers: ['+79990001122'] },
    });
    expect((await postOrder(t, w.key, { phone: '+79991234567', now: true })).status).toBe(201);
    t.clock.advance(86_400_000);
    expect(await t.platform.workers.sendOutbox()).toBe(0);
    const admin = await t.signIn('admin');
    const { items } = await (await admin('/v1/admin/outbox')).json();
    expect(items.map((m: OutboxMessage) => [m.status, m.attempts])).toEqual([
      ['pending', 0],
      ['pending', 0],
    ]);
  });
});
