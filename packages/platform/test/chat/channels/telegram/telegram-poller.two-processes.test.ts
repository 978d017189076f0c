/**
 * Two platform processes sharing PostgreSQL and Redis behind one TLS front, a bot in webhook
 * mode: only one process (the lease holder) sets the webhook, and a webhook request that reaches
 * either process is stored once; the operator, whose console is on the first process, sees the
 * customer's messages live whichever process took them (Redis carries the events). A bot in
 * polling mode is polled by one process of the two, and its messages reach the other's console.
 */
import { randomUUID } from 'node:crypto';
import type { ChatMessage } from '@frontdesk/config';
import { type MessengerSandbox, startMessengerSandbox } from '@frontdesk/messenger-sandbox';
import { createPlatform, type Platform, readEnv } from '@frontdesk/platform';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ThrowawayCa,
  throwawayCa,
} from '../../../../../messenger-sandbox/test/support/throwaway-ca';
import { telegramCredential } from '../../../../src/chat/channels/telegram/telegram-token';
import {
  customer,
  pollerEvent,
  TEST_CHANNEL_TUNING,
  telegramWidget,
  widgetMessages,
} from '../../../support/channels';
import { engines, type TestDatabase } from '../../../support/databases';
import { connectOps, type OpsClient } from '../../../support/ops-client';
import { startPlatform, type TestPlatform, testClock } from '../../../support/platform';
import { type TlsFront, tlsFront } from '../../../support/tls-front';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const postgres = engines.find((engine) => engine.name === 'postgres');

describe('Telegram across two platform processes sharing Redis', () => {
  const prefix = `frontdesk-test-${randomUUID()}`;
  const clock = testClock('2026-03-04T07:00:00Z');
  let ca: ThrowawayCa;
  let front: TlsFront;
  let sandbox: MessengerSandbox;
  let database: TestDatabase;
  let a: TestPlatform;
  let b: Platform;
  let bUrl: string;
  let operator: OpsClient;

  beforeAll(async () => {
    if (!postgres) throw new Error('the PostgreSQL test engine is missing');
    ca = await throwawayCa();
    front = await tlsFront(ca);
    sandbox = await startMessengerSandbox({
      clock,
      caFile: ca.caFile,
      telegram: { webhookRetry: { firstMs: 20, maxMs: 100 } },
    });
    database = await postgres.open();
    const env = {
      REDIS_URL,
      REDIS_PREFIX: prefix,
      TELEGRAM_API_URL: sandbox.telegram.apiUrl,
      WEBHOOK_URL: front.url,
    };
    a = await startPlatform(database, {
      clock,
      env,
      channelTuning: TEST_CHANNEL_TUNING,
      limits: { loginPerIp: 100_000 },
    });
    b = await createPlatform({
      env: readEnv({ PORT: '0', DATA_DIR: '/nonexistent', WORKER_INTERVAL_MS: '0', ...env }),
      clock,
      database,
      channelTuning: TEST_CHANNEL_TUNING,
    });
    bUrl = await b.listen();
    front.target(a.url);
    operator = await connectOps(a, 'operator');
  });
  afterAll(async () => {
    operator?.socket.close();
    await b?.close();
    await a?.close();
    await database?.drop();
    await sandbox?.close();
    await front?.close();
    await ca?.remove();
    const redis = new Redis(REDIS_URL);
    await redis.del(`${prefix}:socket.io`);
    redis.disconnect();
  });

  it('sets the webhook from one process; either process stores what it brings, once', async () => {
    const { widget, bot } = await telegramWidget(a, sandbox, { mode: 'webhook', refresh: false });
    const credential = telegramCredential(bot.token);
    const webhookSet = (platform: Platform) =>
      pollerEvent(platform, (e) => e.type === 'webhook' && e.credential === credential).then(
        () => platform,
      );
    const setter = Promise.race([webhookSet(a.platform), webhookSet(b)]);
    await Promise.all([a.platform.channels.refresh(), b.channels.refresh()]);
    const holder = await setter;
    const fences = [a.platform, b].map(
      (platform) =>
        platform.channels
          .pollers()
          .find((p) => p.credential === credential)
          ?.fence() ?? null,
    );
    // The lease holder alone set the webhook; the other process only waits for the lease.
    expect(fences.filter((fence) => fence !== null)).toEqual([1]);
    expect(fences[holder === a.platform ? 0 : 1]).toBe(1);
    expect(sandbox.telegram.webhookInfo(bot.username).url).toBe(
      `${front.url}/v1/channels/telegram/${bot.id}/webhook`,
    );

    const anna = customer(sandbox);
    const live = (text: string) =>
      operator.next<ChatMessage>('chat:message', (m) => m.text === text);
    for (const [target, text] of [
      [a.url, 'Through the first process'],
      [bUrl, 'Through the second process'],
    ] as const) {
      front.target(target);
      const seen = live(text);
      const delivered = sandbox.telegram.waitForEvent(
        (e) => e.type === 'webhook-delivered' && e.bot === bot.username,
      );
      sandbox.telegram.write(bot.username, anna, text);
      await delivered;
      expect(await seen).toMatchObject({ author: 'visitor', channel: 'telegram' });
    }
    expect((await widgetMessages(a, widget)).map((m) => m.text)).toEqual([
      'Through the first process',
      'Through the second process',
    ]);
  });

  it('polls a bot from one process only; the operator on the other sees its messages live', async () => {
    const { widget, bot } = await telegramWidget(a, sandbox, { refresh: false });
    const credential = telegramCredential(bot.token);
    const fenceOf = (platform: Platform) =>
      platform.channels
        .pollers()
        .find((p) => p.credential === credential)
        ?.fence();
    // The second process takes the lease first: the operator's console is on the first one.
    const holding = pollerEvent(b, (e) => e.type === 'holding' && e.credential === credential);
    await b.channels.refresh();
    await holding;
    await a.platform.channels.refresh();
    expect([fenceOf(a.platform), fenceOf(b)]).toEqual([undefined, 1]);

    const vera = customer(sandbox, 'Vera');
    for (const text of ['Polled one', 'Polled two']) {
      const seen = operator.next<ChatMessage>('chat:message', (m) => m.text === text);
      sandbox.telegram.write(bot.username, vera, text);
      expect(await seen).toMatchObject({ author: 'visitor', channel: 'telegram' });
    }
    expect(fenceOf(a.platform)).toBeUndefined();
    expect((await widgetMessages(a, widget)).map((m) => m.text)).toEqual([
      'Polled one',
      'Polled two',
    ]);
  });
});
