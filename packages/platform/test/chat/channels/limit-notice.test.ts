/**
 * A Telegram customer over the chat's per-visitor rate limit: their message is refused as the
 * site chat refuses one (not stored, the cursor moves on), and they are told to send it again —
 * once per limit window however many are refused in it, through the replies' outbox, in the
 * widget's main language; an update that comes again tells nothing more.
 */
import type { ChatMessage } from '@frontdesk/config';
import { beforeAll, describe, expect, it } from 'vitest';
import { receiveTelegramUpdate } from '../../../src/chat/channels/telegram/telegram-receive';
import {
  customer,
  handedOverBot,
  type PrivateMessage,
  type TelegramStage,
  telegramSuite,
  widgetMessages,
} from '../../support/channels';
import { engines } from '../../support/databases';
import { connectOps } from '../../support/ops-client';
import type { TestPlatform } from '../../support/platform';

const TOO_FAST_EN = 'You are writing too fast: please send your last message again in a moment.';
const TOO_FAST_RU =
  'Вы пишете слишком быстро: отправьте, пожалуйста, последнее сообщение ещё раз чуть позже.';

describe.each(engines)('a Telegram customer past the chat rate limit on $name', (engine) => {
  let stage: TelegramStage;
  let t: TestPlatform;

  const suite = telegramSuite(engine);
  beforeAll(async () => {
    ({ stage, t } = suite);
  });

  /**
   * A new widget's bot in `mainLocale` whose lease the test holds (no poller: the test hands the
   * updates over as a poller would), two messages a minute per customer, and a customer.
   */
  const flooded = async (mainLocale: 'en' | 'ru') => {
    const { widget, bot, credential, lease, deps } = await handedOverBot(t, stage, {
      settings: { locale: mainLocale, mainLocale },
      messagesPerMinute: 2,
    });
    const { limiter } = deps;
    const who = customer(stage.sandbox, 'Flood');
    let fence = lease.fence;
    /** The customer writes `text` as update `id`; by poll (the lease's fence) or by webhook. */
    const write = async (id: number, text: string, by: 'poll' | 'webhook' = 'poll') => {
      const message = stage.sandbox.telegram.write(bot.username, who, text) as PrivateMessage;
      await receiveTelegramUpdate(
        deps,
        { credential, widget },
        { update_id: id, message },
        by === 'poll' ? { credential, fence, cursor: id + 1 } : undefined,
      );
      return message;
    };
    const received = () =>
      stage.sandbox.telegram
        .messages(bot.username, who.id)
        .filter((m) => m.sender === 'bot')
        .map((m) => m.message.text);
    const cursor = async () => {
      const again = await t.platform.store.channels.leases.acquire({
        credential,
        holder: 'this test',
        leaseMs: 60_000,
        now: stage.clock().getTime(),
      });
      fence = again?.fence ?? fence;
      return again?.cursor;
    };
    return { widget, bot, who, limiter, write, received, cursor };
  };

  it('tells the customer once per window to send it again, through the outbox', async () => {
    const { widget, limiter, write, received, cursor } = await flooded('en');
    for (const id of [1, 2, 3, 4, 5]) await write(id, `number ${id}`);

    // Two stored, three refused; the cursor past all five; one notice, in the conversation.
    const stored = await widgetMessages(t, widget);
    expect(stored.map((m) => [m.author, m.text])).toEqual([
      ['visitor', 'number 1'],
      ['visitor', 'number 2'],
      ['system', TOO_FAST_EN],
    ]);
    expect(await cursor()).toBe(6);
    expect(received()).toEqual([]);
    expect(await t.platform.workers.deliverReplies()).toBe(1);
    expect(received()).toEqual([TOO_FAST_EN]);

    // A refused update that comes again (a webhook's retry) is known: nothing more is told.
    await write(4, 'number 4', 'webhook');
    expect(await t.platform.workers.deliverReplies()).toBe(0);

    // Still within the window on the platform's clock: refused without another notice.
    stage.clock.advance(59_000);
    await write(6, 'number 6');
    expect(await t.platform.workers.deliverReplies()).toBe(0);

    // The next window: past the limit again, told again, once.
    stage.clock.advance(2_000);
    // The limiter counts on real time: its window is ended here by hand.
    await limiter.delete(await visitorOf(widget.id));
    for (const id of [7, 8, 9, 10]) await write(id, `number ${id}`);
    expect(await t.platform.workers.deliverReplies()).toBe(1);
    expect(received()).toEqual([TOO_FAST_EN, TOO_FAST_EN]);
    expect(
      (await widgetMessages(t, widget)).filter((m) => m.author === 'system').map((m) => m.text),
    ).toEqual([TOO_FAST_EN, TOO_FAST_EN]);
  });

  it('tells it in the widget’s main language, and the operators see it told', async () => {
    const { widget, write, received } = await flooded('ru');
    const operator = suite.keep(await connectOps(t, 'operator'));
    for (const id of [1, 2, 3]) await write(id, `номер ${id}`);
    expect(
      await operator.next<ChatMessage>('chat:message', (m) => m.author === 'system'),
    ).toMatchObject({ text: TOO_FAST_RU });
    expect(await t.platform.workers.deliverReplies()).toBe(1);
    expect(received()).toEqual([TOO_FAST_RU]);
    expect((await widgetMessages(t, widget)).map((m) => m.text)).toEqual([
      'номер 1',
      'номер 2',
      TOO_FAST_RU,
    ]);
  });

  /** The visitor of the widget's only conversation (the limiter's key). */
  const visitorOf = async (widgetId: string) => {
    const conversations = await t.platform.store.conversations.list(t.accountId, 'open', 1000);
    const found = conversations.find((c) => c.widgetId === widgetId);
    if (!found) throw new Error('no conversation');
    return found.visitorId;
  };
});
