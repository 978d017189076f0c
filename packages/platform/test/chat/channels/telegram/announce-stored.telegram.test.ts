/**
 * Polling across a process's death between storing a customer's message and telling the
 * operators: the update's cursor moved with the message, so Telegram never sends it again and
 * nothing would announce it; the next lease holder publishes what the dead one stored but never
 * announced, and a console connected meanwhile sees it live, once.
 */
import type { ChatMessage } from '@frontdesk/config';
import type { Update } from '@grammyjs/types';
import { beforeAll, describe, expect, it } from 'vitest';
import { callTelegram } from '../../../../src/chat/channels/telegram/telegram-api';
import { isChat } from '../../../../src/chat/channels/telegram/telegram-bots';
import { receiveTelegramUpdate } from '../../../../src/chat/channels/telegram/telegram-receive';
import { telegramCredential } from '../../../../src/chat/channels/telegram/telegram-token';
import type { ChatFeed } from '../../../../src/chat/feed';
import {
  customer,
  pollerEvent,
  receiveDeps,
  TEST_CHANNEL_TUNING,
  type TelegramStage,
  telegramSuite,
  telegramWidget,
  widgetMessages,
} from '../../../support/channels';
import { engines } from '../../../support/databases';
import { connectOps } from '../../../support/ops-client';
import type { TestPlatform } from '../../../support/platform';

/** A process killed right after the commit: it stores, and tells nobody. */
const killedBeforePublishing: ChatFeed = {
  message: async () => undefined,
  conversation: async () => undefined,
  closed: async () => undefined,
};

describe.each(engines)('Telegram polling after a process died unannounced on $name', (engine) => {
  let stage: TelegramStage;
  let t: TestPlatform;

  const suite = telegramSuite(engine);
  beforeAll(async () => {
    ({ stage, t } = suite);
  });

  it("publishes the customer's message the dead holder stored but never announced", async () => {
    const operator = suite.keep(await connectOps(t, 'operator'));
    const { widget, bot } = await telegramWidget(t, stage.sandbox, { refresh: false });
    if (!isChat(widget)) throw new Error('not a chat widget');
    const credential = telegramCredential(bot.token);
    const text = 'Are you open today?';
    stage.sandbox.telegram.write(bot.username, customer(stage.sandbox), text);

    // The dying process: holds the lease, reads the update, stores it with the cursor, is killed.
    const dead = await t.platform.store.channels.leases.acquire({
      credential,
      holder: 'a process about to be killed',
      leaseMs: TEST_CHANNEL_TUNING.leaseMs,
      now: stage.clock().getTime(),
    });
    if (!dead) throw new Error('the lease was not free');
    const updates: Update[] = await callTelegram(
      { apiUrl: stage.sandbox.telegram.apiUrl, token: bot.token },
      'getUpdates',
      {},
      { timeoutMs: 5_000 },
    );
    const [update] = updates;
    if (!update) throw new Error('no update');
    await receiveTelegramUpdate(
      { ...receiveDeps(t, stage.clock), feed: killedBeforePublishing },
      { credential, widget },
      update,
      { credential, fence: dead.fence, cursor: update.update_id + 1 },
    );

    // Its lease runs out; this process takes the bot over.
    stage.clock.advance(TEST_CHANNEL_TUNING.leaseMs + 1);
    const holding = pollerEvent(
      t.platform,
      (e) => e.type === 'holding' && e.credential === credential,
    );
    await t.platform.channels.refresh();
    expect(await holding).toMatchObject({ fence: dead.fence + 1 });
    const told = await operator.next<ChatMessage>('chat:message', (m) => m.text === text);
    expect(told).toMatchObject({ author: 'visitor', channel: 'telegram' });
    const stored = await widgetMessages(t, widget);
    expect(stored.map((m) => [m.text, m.published])).toEqual([[text, true]]);
  });
});
