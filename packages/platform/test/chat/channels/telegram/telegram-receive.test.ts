/**
 * One update, however often it comes (a webhook's retry, a poller that lost its offset): stored
 * once per (bot, update_id), the cursor moved past it each time; what the chat does not keep
 * (a plain Start, an edit) only moves the cursor.
 */
import type { Update } from '@grammyjs/types';
import { beforeAll, describe, expect, it } from 'vitest';
import { receiveTelegramUpdate } from '../../../../src/chat/channels/telegram/telegram-receive';
import {
  customer,
  handedOverBot,
  type PrivateMessage,
  type TelegramStage,
  telegramSuite,
  widgetMessages,
} from '../../../support/channels';
import { engines } from '../../../support/databases';
import type { TestPlatform } from '../../../support/platform';

describe.each(engines)('Telegram updates on $name', (engine) => {
  let stage: TelegramStage;
  let t: TestPlatform;

  const suite = telegramSuite(engine);
  beforeAll(async () => {
    ({ stage, t } = suite);
  });

  const handOver = () => handedOverBot(t, stage);

  it('stores an update that comes again once, moving the cursor past it each time', async () => {
    // No poller: the test hands the updates over itself, as a poller or a webhook would.
    const { widget, bot, credential, lease, deps, store } = await handOver();
    const anna = customer(stage.sandbox);
    // A private chat's message, as the sandbox queued it for the bot.
    const message = stage.sandbox.telegram.write(
      bot.username,
      anna,
      'Only once, please',
    ) as PrivateMessage;
    const update: Update = { update_id: 500, message };
    const guard = { credential, fence: lease.fence, cursor: 501 };

    await receiveTelegramUpdate(deps, { credential, widget }, update, guard);
    await receiveTelegramUpdate(deps, { credential, widget }, update, guard);
    await receiveTelegramUpdate(deps, { credential, widget }, update, undefined);
    expect((await widgetMessages(t, widget)).map((m) => m.text)).toEqual(['Only once, please']);

    const plainStart: Update = {
      update_id: 501,
      message: stage.sandbox.telegram.start(bot.username, anna) as PrivateMessage,
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
  it('tells the operators of an update whose process died before telling them, when it comes again', async () => {
    // A webhook's update: no lease, no cursor.
    const { widget, bot, credential, deps } = await handOver();
    // The process dies after the commit, before the operators hear of the message.
    const dying = {
      ...deps,
      feed: { ...deps.feed, message: () => Promise.reject(new Error('SIGKILL')) },
    };
    const message = stage.sandbox.telegram.write(
      bot.username,
      customer(stage.sandbox),
      'Hi',
    ) as PrivateMessage;
    const update: Update = { update_id: 900, message };
    const source = { credential, widget };

    await expect(receiveTelegramUpdate(dying, source, update, undefined)).rejects.toThrow(
      'SIGKILL',
    );
    expect((await widgetMessages(t, widget)).map((m) => m.published)).toEqual([false]);
    // The webhook's retry: stored nothing more, published what was stored.
    await receiveTelegramUpdate(deps, source, update, undefined);
    const stored = await widgetMessages(t, widget);
    expect(stored.map((m) => [m.text, m.published])).toEqual([['Hi', true]]);
  });

  it("keeps the customer's name and username on the peer, and the phone once they share their own", async () => {
    const { widget, bot, credential, deps, store } = await handOver();
    const anna = customer(stage.sandbox);
    const source = { credential, widget };
    const hello = stage.sandbox.telegram.write(bot.username, anna, 'Hello') as PrivateMessage;
    await receiveTelegramUpdate(deps, source, { update_id: 1, message: hello }, undefined);
    const [first] = await widgetMessages(t, widget);
    const conversation = await store.conversations.get(first?.conversationId ?? '');
    const peersOf = () => store.channels.peers.ofVisitor(conversation?.visitorId ?? '', widget.id);
    expect(await peersOf()).toMatchObject([
      { name: `Anna ${anna.lastName}`, username: anna.username, phone: null },
    ]);

    // Someone else's number, forwarded: not the customer's.
    const forwarded = {
      ...hello,
      message_id: hello.message_id + 1,
      text: undefined,
      contact: { phone_number: '+79990000000', first_name: 'Boris', user_id: 42 },
    } as PrivateMessage;
    await receiveTelegramUpdate(deps, source, { update_id: 2, message: forwarded }, undefined);
    expect(await peersOf()).toMatchObject([{ phone: null }]);
    // Their own, shared with Telegram's button: kept on the peer.
    const shared = {
      ...forwarded,
      message_id: hello.message_id + 2,
      contact: { phone_number: '+79161234567', first_name: 'Anna', user_id: anna.id },
    } as PrivateMessage;
    await receiveTelegramUpdate(deps, source, { update_id: 3, message: shared }, undefined);
    expect(await peersOf()).toMatchObject([
      { name: `Anna ${anna.lastName}`, username: anna.username, phone: '+79161234567' },
    ]);
    expect((await widgetMessages(t, widget)).map((m) => m.text)).toEqual([
      'Hello',
      '[contact: Boris, +79990000000]',
      '[contact: Anna, +79161234567]',
    ]);
  });
});
