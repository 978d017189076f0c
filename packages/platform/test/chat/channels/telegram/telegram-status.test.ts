/**
 * The Telegram channel's live status for the Studio: connected while a process polls the bot
 * and Telegram answers, the last update's time, Telegram's outage or its refusal of the token
 * as the last error; off without
 * an enabled bot; only the account's admins and marketers may read it.
 */
import { type ChatSettings, defaultSettings } from '@frontdesk/config';
import type { Widget } from '@frontdesk/platform';
import { beforeAll, describe, expect, it } from 'vitest';
import { telegramCredential } from '../../../../src/chat/channels/telegram/telegram-token';
import {
  customer,
  pollerEvent,
  type TelegramStage,
  telegramSuite,
  telegramWidget,
} from '../../../support/channels';
import { chatWidget } from '../../../support/chat';
import { engines } from '../../../support/databases';
import type { TestPlatform } from '../../../support/platform';

describe.each(engines)('Telegram status on $name', (engine) => {
  let stage: TelegramStage;
  let t: TestPlatform;

  const suite = telegramSuite(engine);
  beforeAll(async () => {
    ({ stage, t } = suite);
  });

  const status = async (widget: Widget, who: 'marketer' | 'operator' = 'marketer') => {
    const staff = await t.signIn(who);
    const response = await staff(`/v1/admin/widgets/${widget.id}/telegram-status`);
    return { status: response.status, body: await response.json() };
  };

  it('shows the bot connected, its last update, then Telegram out of reach', async () => {
    const { widget, bot } = await telegramWidget(t, stage.sandbox, { refresh: false });
    const credential = telegramCredential(bot.token);
    const holding = pollerEvent(
      t.platform,
      (e) => e.type === 'holding' && e.credential === credential,
    );
    await t.platform.channels.refresh();
    await holding;
    const stored = pollerEvent(
      t.platform,
      (e) => e.type === 'stored' && e.credential === credential,
    );
    stage.sandbox.telegram.write(bot.username, customer(stage.sandbox), 'Hi');
    await stored;
    const at = stage.clock().toISOString();
    expect(await status(widget)).toEqual({
      status: 200,
      body: {
        mode: 'polling',
        connected: true,
        lastUpdateAt: at,
        lastError: null,
        lastErrorAt: null,
      },
    });

    const failed = pollerEvent(
      t.platform,
      (e) => e.type === 'error' && e.credential === credential,
    );
    // Down while the next poll waits: that poll is cut.
    await stage.sandbox.telegram.waitForLongPoll(bot.username);
    await stage.sandbox.telegram.faults.down('refused');
    await failed;
    expect((await status(widget)).body).toEqual({
      mode: 'polling',
      connected: false,
      lastUpdateAt: at,
      lastError: 'Telegram did not answer getUpdates: connection lost',
      lastErrorAt: at,
    });
    await stage.sandbox.telegram.faults.up();
  });

  it('shows a token Telegram refuses (a revoked one, say) as not connected, with Telegram’s reason', async () => {
    const real = stage.sandbox.telegram.createBot({ username: 'revoked_bot' });
    const revoked = `${real.token.slice(0, -4)}Zz9_`;
    const widget = await chatWidget(
      t,
      {},
      {
        channels: {
          ...(defaultSettings('chat') as ChatSettings).channels,
          telegram: { enabled: true, receiver: null, botToken: revoked, botName: 'revoked_bot' },
        },
      },
    );
    const credential = telegramCredential(revoked);
    const failed = pollerEvent(
      t.platform,
      (e) => e.type === 'error' && e.credential === credential,
    );
    await t.platform.channels.refresh();
    await failed;
    expect((await status(widget)).body).toMatchObject({
      mode: 'polling',
      connected: false,
      lastError: 'Telegram: Unauthorized',
      lastErrorAt: stage.clock().toISOString(),
    });
  });

  it('is off without an enabled bot, and only for the account’s admins and marketers', async () => {
    const plain = await chatWidget(t);
    expect((await status(plain)).body).toEqual({
      mode: 'off',
      connected: false,
      lastUpdateAt: null,
      lastError: null,
      lastErrorAt: null,
    });
    expect((await status(plain, 'operator')).status).toBe(403);
    const anonymous = await t.request(`/v1/admin/widgets/${plain.id}/telegram-status`);
    expect(anonymous.status).toBe(401);
    const missing = await (await t.signIn('admin'))('/v1/admin/widgets/nope/telegram-status');
    expect(missing.status).toBe(404);
  });
});
