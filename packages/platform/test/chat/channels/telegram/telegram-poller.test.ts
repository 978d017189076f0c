/**
 * Long polling of the sandbox's Telegram by platform processes sharing one database: one
 * poller per bot across processes (the lease), a stale poller's commit rolled back (the fence)
 * and its update stored once by the next holder, and polling that resumes after an outage with
 * the status the Studio reads.
 */
import { createPlatform, type Platform, readEnv } from '@frontdesk/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { telegramCredential } from '../../../../src/chat/channels/telegram/telegram-token';
import { openDatabase } from '../../../../src/storage/database';
import {
  customer,
  pollerEvent,
  TEST_CHANNEL_TUNING,
  type TelegramStage,
  telegramStage,
  telegramWidget,
  widgetMessages,
} from '../../../support/channels';
import { engines, type TestDatabase } from '../../../support/databases';
import type { TestPlatform } from '../../../support/platform';

describe.each(engines)('Telegram pollers on $name', (engine) => {
  let stage: TelegramStage;
  let database: TestDatabase;
  let t: TestPlatform;

  beforeAll(async () => {
    stage = await telegramStage();
    database = await engine.open();
    // A long poll far longer than a test step: the fencing test acts while one is waiting.
    t = await stage.platform(database, { pollTimeoutSeconds: 20 });
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
    await stage?.close();
  });

  /** A second platform process: its own connection to the database, the same clock. */
  const secondProcess = async (): Promise<Platform> => {
    const platform = await createPlatform({
      env: readEnv({ PORT: '0', DATA_DIR: '/nonexistent', WORKER_INTERVAL_MS: '0', ...stage.env }),
      clock: stage.clock,
      database: await openDatabase(database.options),
      channelTuning: TEST_CHANNEL_TUNING,
    });
    await platform.listen();
    return platform;
  };

  it('polls each bot from one process of two; the other takes over when it leaves', async () => {
    const b = await secondProcess();
    const c = await secondProcess();
    const open = new Set([b, c]);
    try {
      const { widget, bot } = await telegramWidget(t, stage.sandbox, { refresh: false });
      const credential = telegramCredential(bot.token);
      const holding = (platform: Platform) =>
        pollerEvent(platform, (e) => e.type === 'holding' && e.credential === credential);
      const first = Promise.race([holding(b).then(() => b), holding(c).then(() => c)]);
      await Promise.all([b.channels.refresh(), c.channels.refresh()]);
      const holder = await first;
      const other = holder === b ? c : b;
      const fenceOf = (platform: Platform) =>
        platform.channels
          .pollers()
          .find((p) => p.credential === credential)
          ?.fence();
      expect(fenceOf(holder)).toBe(1);
      expect(fenceOf(other)).toBeUndefined();

      const anna = customer(stage.sandbox);
      const stored = (platform: Platform, n: number) => {
        let seen = 0;
        return pollerEvent(
          platform,
          (e) => e.type === 'stored' && e.credential === credential && ++seen === n,
        );
      };
      const three = stored(holder, 3);
      for (const text of ['one', 'two', 'three']) {
        stage.sandbox.telegram.write(bot.username, anna, text);
      }
      await three;
      expect(fenceOf(other)).toBeUndefined();

      // The holder's process closes (its lease released): the other goes on from there.
      const takeover = holding(other);
      await holder.close();
      open.delete(holder);
      await takeover;
      expect(fenceOf(other)).toBe(2);
      const fourth = stored(other, 1);
      stage.sandbox.telegram.write(bot.username, anna, 'four');
      await fourth;
      expect((await widgetMessages(t, widget)).map((m) => m.text)).toEqual([
        'one',
        'two',
        'three',
        'four',
      ]);
    } finally {
      for (const platform of open) await platform.close();
    }
  });

  it("rolls back a stale poller's update, which the next holder stores once", async () => {
    const { widget, bot } = await telegramWidget(t, stage.sandbox, { refresh: false });
    const credential = telegramCredential(bot.token);
    const holding = pollerEvent(
      t.platform,
      (e) => e.type === 'holding' && e.credential === credential,
    );
    await t.platform.channels.refresh();
    await holding;
    await stage.sandbox.telegram.waitForLongPoll(bot.username);

    // While the poll waits, the lease expires and another process takes it.
    stage.clock.advance(TEST_CHANNEL_TUNING.leaseMs + 1);
    const intruder = await t.platform.store.channels.leases.acquire({
      credential,
      holder: 'another process',
      leaseMs: TEST_CHANNEL_TUNING.leaseMs,
      now: stage.clock().getTime(),
    });
    expect(intruder?.fence).toBe(2);
    const lost = pollerEvent(t.platform, (e) => e.type === 'lost' && e.credential === credential);
    stage.sandbox.telegram.write(bot.username, customer(stage.sandbox), 'Hello?');
    expect(await lost).toMatchObject({ fence: 1 });
    expect(await widgetMessages(t, widget)).toEqual([]);
    expect((await t.platform.store.channels.leases.status(credential))?.holder).toBe(
      'another process',
    );

    // The other process goes away: the poller takes the lease again and gets the update again.
    const again = pollerEvent(
      t.platform,
      (e) => e.type === 'holding' && e.credential === credential,
    );
    const stored = pollerEvent(
      t.platform,
      (e) => e.type === 'stored' && e.credential === credential,
    );
    await t.platform.store.channels.leases.release(credential, 2);
    expect(await again).toMatchObject({ fence: 3 });
    await stored;
    expect((await widgetMessages(t, widget)).map((m) => m.text)).toEqual(['Hello?']);
  });

  it('resumes polling once Telegram is back, and keeps the status the Studio shows', async () => {
    const { widget, bot } = await telegramWidget(t, stage.sandbox, { refresh: false });
    const credential = telegramCredential(bot.token);
    const holding = pollerEvent(
      t.platform,
      (e) => e.type === 'holding' && e.credential === credential,
    );
    await t.platform.channels.refresh();
    await holding;
    await stage.sandbox.telegram.waitForLongPoll(bot.username);
    const failed = () =>
      pollerEvent(t.platform, (e) => e.type === 'error' && e.credential === credential);
    const cut = failed();
    await stage.sandbox.telegram.faults.down('refused');
    stage.sandbox.telegram.write(bot.username, customer(stage.sandbox), 'Anyone?');
    // The waiting poll is cut; the next, after the back-off on the platform's clock, is refused.
    expect(await cut).toMatchObject({
      error: 'Telegram did not answer getUpdates: connection lost',
    });
    const refused = failed();
    stage.clock.advance(TEST_CHANNEL_TUNING.backoffMs);
    const error = 'Telegram did not answer getUpdates: connection refused';
    expect(await refused).toMatchObject({ error });
    expect(await t.platform.store.channels.leases.status(credential)).toMatchObject({
      lastError: error,
      lastErrorAt: stage.clock().getTime(),
    });

    const stored = pollerEvent(
      t.platform,
      (e) => e.type === 'stored' && e.credential === credential,
    );
    await stage.sandbox.telegram.faults.up();
    stage.clock.advance(4 * TEST_CHANNEL_TUNING.backoffMs);
    await stored;
    expect((await widgetMessages(t, widget)).map((m) => m.text)).toEqual(['Anyone?']);
    expect(await t.platform.store.channels.leases.status(credential)).toMatchObject({
      lastError: null,
      connectedAt: stage.clock().getTime(),
    });
  });
});
