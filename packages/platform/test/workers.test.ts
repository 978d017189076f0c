import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OpsOrder } from '@frontdesk/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../src/context';
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
    const workers = startWorkers(
      {
        store: t.platform.store,
        clock: t.clock,
        opsSessions: { endExpired: () => 0 },
      } as unknown as AppContext,
      { ringing() {}, updated() {}, taken() {} },
      {
        sms: {
          async send(message) {
            sent.push(message.recipient);
          },
          close() {},
        },
      },
      { intervalMs: 25, leaseMs: 60_000 },
      (error) => {
        throw error;
      },
      { message: async () => {}, conversation: async () => {} } as never,
      { distributeChats: async () => 0, noticeMissed: async () => 0 },
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
