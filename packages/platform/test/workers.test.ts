import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OpsOrder } from '@frontdesk/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
