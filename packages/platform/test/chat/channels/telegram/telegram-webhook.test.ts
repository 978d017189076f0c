/**
 * Webhook mode against the sandbox's Telegram, through a TLS front with a throwaway CA (the
 * sandbox verifies the certificate, as Telegram does): the holder sets the webhook at WEBHOOK_URL
 * with a secret; updates arrive by webhook and are stored once however often they come; a
 * request without the secret is refused with 401 and stores nothing; back in polling mode the
 * webhook is deleted and polling goes on.
 */
import type { ChatMessage } from '@frontdesk/config';
import { type MessengerSandbox, startMessengerSandbox } from '@frontdesk/messenger-sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ThrowawayCa,
  throwawayCa,
} from '../../../../../messenger-sandbox/test/support/throwaway-ca';
import type { ChannelTables } from '../../../../src/chat/channels/channel-tables';
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

describe.each(engines)('Telegram webhooks on $name', (engine) => {
  const clock = testClock('2026-03-04T07:00:00Z');
  let ca: ThrowawayCa;
  let front: TlsFront;
  let sandbox: MessengerSandbox;
  let database: TestDatabase;
  let t: TestPlatform;
  let operator: OpsClient;

  beforeAll(async () => {
    ca = await throwawayCa();
    front = await tlsFront(ca);
    sandbox = await startMessengerSandbox({
      clock,
      caFile: ca.caFile,
      telegram: { webhookRetry: { firstMs: 20, maxMs: 100 } },
    });
    database = await engine.open();
    t = await startPlatform(database, {
      clock,
      // As `npm start` runs it: browsers on the plain http URL, the webhooks through the front.
      env: { TELEGRAM_API_URL: sandbox.telegram.apiUrl, WEBHOOK_URL: front.url },
      channelTuning: TEST_CHANNEL_TUNING,
    });
    front.target(t.url);
    operator = await connectOps(t, 'operator');
  });
  afterAll(async () => {
    operator?.socket.close();
    await t?.close();
    await database?.drop();
    await sandbox?.close();
    await front?.close();
    await ca?.remove();
  });

  /** A bot in webhook mode whose webhook the platform has set. */
  const webhookBot = async () => {
    const { widget, bot } = await telegramWidget(t, sandbox, { mode: 'webhook', refresh: false });
    const credential = telegramCredential(bot.token);
    const set = pollerEvent(
      t.platform,
      (e) => e.type === 'webhook' && e.credential === credential && e.url !== null,
    );
    await t.platform.channels.refresh();
    await set;
    return { widget, bot, credential };
  };
  /** Posts `update` to the bot's webhook on the platform, with `secret` when given. */
  const post = (botId: number, update: object, secret?: string) =>
    t.request(`/v1/channels/telegram/${botId}/webhook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(secret !== undefined ? { 'x-telegram-bot-api-secret-token': secret } : {}),
      },
      body: JSON.stringify(update),
    });
  const secretOf = async (credential: string) => {
    const row = await database.db
      .withTables<ChannelTables>()
      .selectFrom('channel_leases')
      .select('webhook_secret')
      .where('credential', '=', credential)
      .executeTakeFirst();
    return row?.webhook_secret ?? '';
  };

  it('sets the webhook at WEBHOOK_URL and stores each update it brings once', async () => {
    const { widget, bot, credential } = await webhookBot();
    expect(sandbox.telegram.webhookInfo(bot.username)).toMatchObject({
      url: `${front.url}/v1/channels/telegram/${bot.id}/webhook`,
      pending_update_count: 0,
    });
    const anna = customer(sandbox);
    const delivered = sandbox.telegram.waitForEvent(
      (e) => e.type === 'webhook-delivered' && e.bot === bot.username,
    );
    const message = sandbox.telegram.write(bot.username, anna, 'Hello by webhook');
    expect(
      await operator.next<ChatMessage>('chat:message', (m) => m.text === 'Hello by webhook'),
    ).toMatchObject({ author: 'visitor', channel: 'telegram' });
    const { updateId } = (await delivered) as { updateId: number };
    // The Studio's status says when the last update came, as for polling.
    const marketer = await t.signIn('marketer');
    const status = await marketer(`/v1/admin/widgets/${widget.id}/telegram-status`);
    expect(await status.json()).toMatchObject({
      mode: 'webhook',
      connected: true,
      lastUpdateAt: clock().toISOString(),
      lastError: null,
    });

    // Telegram delivers it again (our answer lost on the way, say): confirmed, not stored again.
    const again = await post(bot.id, { update_id: updateId, message }, await secretOf(credential));
    expect(again.status).toBe(200);
    expect((await widgetMessages(t, widget)).map((m) => m.text)).toEqual(['Hello by webhook']);
  });

  it('refuses a request without the right secret with 401 and stores nothing', async () => {
    const { widget, bot, credential } = await webhookBot();
    // Not through Telegram: a request anyone could make to the route.
    const mallory = { id: 4_242, is_bot: false, first_name: 'Mallory' };
    const update = {
      update_id: 900_001,
      message: {
        message_id: 1,
        date: 1_772_607_600,
        chat: { id: mallory.id, type: 'private', first_name: 'Mallory' },
        from: mallory,
        text: 'Forged',
      },
    };
    const right = await secretOf(credential);
    for (const secret of [undefined, '', 'wrong', `${right}x`, right.slice(1)]) {
      const response = await post(bot.id, update, secret);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        error: { code: 'unauthorized', message: 'Wrong or missing secret token.' },
      });
    }
    expect(await widgetMessages(t, widget)).toEqual([]);
    expect(await t.platform.store.channels.inbound.has(credential, '900001')).toBe(false);
  });

  it('deletes the webhook and polls again when the channel goes back to polling', async () => {
    const { widget, bot, credential } = await webhookBot();
    const settings = widget.settings;
    if (settings.type !== 'chat' || !settings.channels.telegram) throw new Error('no bot');
    const deleted = pollerEvent(
      t.platform,
      (e) => e.type === 'webhook' && e.credential === credential && e.url === null,
    );
    await t.platform.store.widgets.update(widget.id, {
      settings: {
        ...settings,
        channels: {
          ...settings.channels,
          telegram: { ...settings.channels.telegram, mode: 'polling' },
        },
      },
      now: clock().getTime(),
    });
    await t.platform.channels.refresh();
    await deleted;
    expect(sandbox.telegram.webhookInfo(bot.username).url).toBe('');
    expect(await secretOf(credential)).toBe('');
    sandbox.telegram.write(bot.username, customer(sandbox), 'Polled again');
    await operator.next<ChatMessage>('chat:message', (m) => m.text === 'Polled again');
  });
});
