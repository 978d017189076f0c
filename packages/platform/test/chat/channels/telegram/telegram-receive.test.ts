/**
 * One update, however often it comes (a webhook's retry, a poller that lost its offset): stored
 * once per (bot, update_id), the cursor moved past it each time; what the chat does not keep
 * (a plain Start, an edit) only moves the cursor.
 */
import type { Update } from '@grammyjs/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isChat } from '../../../../src/chat/channels/telegram/telegram-bots';
import { receiveTelegramUpdate } from '../../../../src/chat/channels/telegram/telegram-receive';
import { telegramCredential } from '../../../../src/chat/channels/telegram/telegram-token';
import { chatFeed } from '../../../../src/chat/feed';
import {
  customer,
  type TelegramStage,
  telegramStage,
  telegramWidget,
  widgetMessages,
} from '../../../support/channels';
import { engines, type TestDatabase } from '../../../support/databases';
import type { TestPlatform } from '../../../support/platform';

/** A message of a private chat, as updates carry them. */
type Private = NonNullable<Update['message']> & NonNullable<Update['edited_message']>;

describe.each(engines)('Telegram updates on $name', (engine) => {
  let stage: TelegramStage;
  let database: TestDatabase;
  let t: TestPlatform;

  beforeAll(async () => {
    stage = await telegramStage();
    database = await engine.open();
    t = await stage.platform(database);
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
    await stage?.close();
  });

  it('stores an update that comes again once, moving the cursor past it each time', async () => {
    // No poller: the test hands the updates over itself, as a poller or a webhook would.
    const { widget, bot } = await telegramWidget(t, stage.sandbox, { refresh: false });
    if (!isChat(widget)) throw new Error('not a chat widget');
    const credential = telegramCredential(bot.token);
    const { store } = t.platform;
    const lease = await store.channels.leases.acquire({
      credential,
      holder: 'this test',
      leaseMs: 60_000,
      now: stage.clock().getTime(),
    });
    if (!lease) throw new Error('no lease');
    const deps = { store, clock: stage.clock, feed: chatFeed(t.platform.io) };
    const anna = customer(stage.sandbox);
    // A private chat's message, as the sandbox queued it for the bot.
    const message = stage.sandbox.telegram.write(
      bot.username,
      anna,
      'Only once, please',
    ) as Private;
    const update: Update = { update_id: 500, message };
    const guard = { credential, fence: lease.fence, cursor: 501 };

    await receiveTelegramUpdate(deps, { credential, widget }, update, guard);
    await receiveTelegramUpdate(deps, { credential, widget }, update, guard);
    await receiveTelegramUpdate(deps, { credential, widget }, update, undefined);
    expect((await widgetMessages(t, widget)).map((m) => m.text)).toEqual(['Only once, please']);

    const plainStart: Update = {
      update_id: 501,
      message: stage.sandbox.telegram.start(bot.username, anna) as Private,
    };
    const edit: Update = {
      update_id: 502,
      edited_message: { ...message, edit_date: message.date + 1 },
    };
    await receiveTelegramUpdate(deps, { credential, widget }, plainStart, {
      ...guard,
      cursor: 502,
    });
    await receiveTelegramUpdate(deps, { credential, widget }, edit, { ...guard, cursor: 503 });
    expect((await widgetMessages(t, widget)).map((m) => m.text)).toEqual(['Only once, please']);
    const again = await store.channels.leases.acquire({
      credential,
      holder: 'this test',
      leaseMs: 60_000,
      now: stage.clock().getTime(),
    });
    expect(again).toEqual({ credential, fence: lease.fence, cursor: 503, webhookUrl: null });
  });
});
