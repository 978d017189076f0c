import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OpsOrder } from '@frontdesk/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../src/context';
import type { OrderFeed } from '../src/orders';
import type { Transport } from '../src/outbox/transport';
import { startWorkers } from '../src/workers';
import { engines, type TestDatabase } from './support/databases';
import { connectOps } from './support/ops-client';
import { automatic, callbackWidget, postOrder } from './support/orders';
import { startPlatform, type TestPlatform } from './support/platform';

describe('background workers on their own timer', () => {
  const sqlite = engines[0];
  let database: TestDatabase;
  let t: TestPlatform;
  const texts: string[] = [];
  const sms = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    request.on('end', () => {
      texts.push(JSON.parse(body).to);
      response.end('ok');
    });
  });

  beforeAll(async () => {
    if (!sqlite) throw new Error('no SQLite engine');
    await new Promise<void>((resolve) => sms.listen(0, '127.0.0.1', resolve));
    const { port } = sms.address() as AddressInfo;
    database = await sqlite.open();
    t = await startPlatform(database, {
      env: { WORKER_INTERVAL_MS: '25', SMS_URL: `http://127.0.0.1:${port}/` },
    });
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
    sms.close();
  });

  it('ring a "call me now" order and send the outbox without anyone asking', async () => {
    const widget = await callbackWidget(t, { mode: automatic(null) });
    const operator = await connectOps(t, 'operator');
    const response = await postOrder(t, widget.key, { phone: '+79991234567', now: true });
    const { id } = await response.json();
    const ringing = await operator.next<OpsOrder>('callback:ringing');
    expect(ringing).toMatchObject({ id, status: 'ringing' });
    operator.socket.close();

    const manual = await callbackWidget(t, {
      mode: { kind: 'manual', emails: [], smsNumbers: ['+79990001122'] },
    });
    await postOrder(t, manual.key, { phone: '+79991234567', now: true });
    for (let i = 0; i < 200 && texts.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(texts).toEqual(['+79990001122']);
  });

  it('stop with the platform: close() resolves and no pass runs afterwards', async () => {
    await t.close();
    const before = texts.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(texts).toHaveLength(before);
  });
});

/**
 * Workers of their own over `t`'s store (the platform's own are off: no timer), passing every
 * 25 ms: orders told to `feed`, SMS sent by `sendSms`, the messengers' passes `channels`.
 */
function loopOver(
  t: TestPlatform,
  feed: OrderFeed,
  sendSms: Transport['send'],
  channels?: Parameters<typeof startWorkers>[7],
) {
  return startWorkers(
    {
      store: t.platform.store,
      clock: t.clock,
      opsSessions: { endExpired: () => 0 },
    } as unknown as AppContext,
    feed,
    { sms: { send: sendSms, close() {} } },
    { intervalMs: 25, leaseMs: 60_000 },
    (error) => {
      throw error;
    },
    { message: async () => {}, conversation: async () => {} } as never,
    { distributeChats: async () => 0, noticeMissed: async () => 0 },
    channels,
  );
}

describe('the attachments’ pass beside the workers’ loop', () => {
  it('a download that hangs holds up no other work: the outbox goes out meanwhile, one pass at a time', async () => {
    const sqlite = engines[0];
    if (!sqlite) throw new Error('no SQLite engine');
    const database = await sqlite.open();
    // The platform's own workers are off (no timer): these run on theirs, over its store.
    const t = await startPlatform(database);
    const sent: string[] = [];
    let passes = 0;
    let finish = () => {};
    // A pass whose download hangs (a CDN that never answers, until its minute is up).
    const hanging = new Promise<number>((resolve) => {
      finish = () => resolve(0);
    });
    const workers = loopOver(
      t,
      { ringing() {}, updated() {}, taken() {} },
      async (message) => {
        sent.push(message.recipient);
      },
      {
        deliver: async () => 0,
        fetchAttachments: () => {
          passes += 1;
          return hanging;
        },
        refreshDue: async () => {},
      },
    );
    try {
      const manual = await callbackWidget(t, {
        mode: { kind: 'manual', emails: [], smsNumbers: ['+79990001122'] },
      });
      await postOrder(t, manual.key, { phone: '+79991234567', now: true });
      for (let i = 0; i < 400 && sent.length === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(sent).toEqual(['+79990001122']);
      // Not started again while the one in progress hangs.
      expect(passes).toBe(1);
    } finally {
      finish();
      await workers.stop();
      await t.close();
      await database.drop();
    }
  });
});

describe('the outbox beside the workers’ loop', () => {
  it('a send that hangs holds up no ringing order, and no second outbox pass starts meanwhile', async () => {
    const sqlite = engines[0];
    if (!sqlite) throw new Error('no SQLite engine');
    const database = await sqlite.open();
    // The platform's own workers are off (no timer): these run on theirs, over its store.
    const t = await startPlatform(database);
    const rung: string[] = [];
    const started: string[] = [];
    let sent = 0;
    let release = () => {};
    // An SMS provider that takes every message and answers none (until the test lets it).
    const answered = new Promise<void>((resolve) => {
      release = resolve;
    });
    const workers = loopOver(
      t,
      {
        ringing(order) {
          rung.push(order.id);
        },
        updated() {},
        taken() {},
      },
      async (message) => {
        started.push(message.id);
        await answered;
        sent += 1;
      },
    );
    const until = async (done: () => boolean) => {
      for (let i = 0; i < 200 && !done(); i++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    try {
      const manual = await callbackWidget(t, {
        mode: { kind: 'manual', emails: [], smsNumbers: ['+79990001122'] },
      });
      await postOrder(t, manual.key, { phone: '+79991234567', now: true });
      await until(() => started.length > 0);
      expect(started).toHaveLength(1);

      // While that send hangs, a "call me now" order rings at the loop's next pass.
      const widget = await callbackWidget(t, { mode: automatic(null) });
      const response = await postOrder(t, widget.key, { phone: '+79991234568', now: true });
      const { id } = await response.json();
      await until(() => rung.includes(id));
      expect(rung).toEqual([id]);

      // A message queued meanwhile waits for the pass in progress: one outbox pass at a time.
      await postOrder(t, manual.key, { phone: '+79991234569', now: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(started).toHaveLength(1);
      release();
      await until(() => sent === 2);
      expect(sent).toBe(2);
      expect(new Set(started).size).toBe(2);
    } finally {
      release();
      await workers.stop();
      await t.close();
      await database.drop();
    }
  });
});
