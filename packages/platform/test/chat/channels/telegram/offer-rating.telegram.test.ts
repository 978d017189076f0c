/**
 * The rating in Telegram: an operator closes a conversation whose customer writes from Telegram
 * (the site chat's rating on) → the customer gets the question with the four marks as an inline
 * keyboard, through the replies' outbox → a press rates the conversation, once, and the console
 * hears of it; a press on another customer's question rates nothing.
 */
import type { ChatAck, ChatMessage, ConversationSummary } from '@frontdesk/config';
import type { Message, Update } from '@grammyjs/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isChat } from '../../../../src/chat/channels/telegram/telegram-bots';
import { receiveTelegramUpdate } from '../../../../src/chat/channels/telegram/telegram-receive';
import { telegramCredential } from '../../../../src/chat/channels/telegram/telegram-token';
import {
  customer,
  pollerEvent,
  receiveDeps,
  type TelegramStage,
  telegramSuite,
  telegramWidget,
} from '../../../support/channels';
import { engines } from '../../../support/databases';
import { connectOps, type OpsClient } from '../../../support/ops-client';
import type { TestPlatform } from '../../../support/platform';

describe.each(engines)('the rating in Telegram on $name', (engine) => {
  let stage: TelegramStage;
  let t: TestPlatform;
  let operator: OpsClient;

  const suite = telegramSuite(engine);
  beforeAll(async () => {
    ({ stage, t } = suite);
    operator = await connectOps(t, 'operator');
  });
  afterAll(async () => {
    operator?.socket.close();
  });

  it('asks a Telegram customer with the marks as buttons and takes the mark pressed, once', async () => {
    const { bot, widget } = await telegramWidget(t, stage.sandbox, { site: { rating: true } });
    const anna = customer(stage.sandbox);
    const mallory = customer(stage.sandbox, 'Mallory');
    stage.sandbox.telegram.write(bot.username, anna, 'Thanks, that is all');
    const first = await operator.next<ChatMessage>(
      'chat:message',
      (m) => m.text === 'Thanks, that is all',
    );
    const closed = await operator.ask<ChatAck<object>>('chat:close', {
      conversationId: first.conversationId,
    });
    expect(closed.ok).toBe(true);

    // The question is the platform's message in the conversation, sent through the outbox.
    expect(await t.platform.workers.deliverReplies()).toBe(1);
    const asked = stage.sandbox.telegram
      .messages(bot.username, anna.id)
      .filter((entry) => entry.sender === 'bot');
    // In the widget's language (the default: Russian).
    expect(asked.map((entry) => entry.message.text)).toEqual(['Как прошёл разговор?']);
    const question = asked[0]?.message as {
      message_id: number;
      reply_markup?: { inline_keyboard: { text: string; callback_data: string }[][] };
    };
    const buttons = question.reply_markup?.inline_keyboard.flat() ?? [];
    expect(buttons.map((button) => button.text)).toEqual([
      'Отлично',
      'Хорошо',
      'Удовлетворительно',
      'Плохо',
    ]);
    const data = (label: string) => buttons.find((b) => b.text === label)?.callback_data ?? '';

    // Mallory sends the button's data from a chat of her own (a forged press): nothing rated.
    stage.sandbox.telegram.write(bot.username, mallory, 'Hello');
    await operator.next<ChatMessage>('chat:message', (m) => m.text === 'Hello');
    const [mallorysMessage] = stage.sandbox.telegram.messages(bot.username, mallory.id);
    const forged: Update = {
      update_id: 9_000_001,
      callback_query: {
        id: 'forged-1',
        from: { id: mallory.id, is_bot: false, first_name: 'Mallory' },
        message: mallorysMessage?.message as Message,
        chat_instance: 'forged',
        data: data('Отлично'),
      },
    };
    if (!isChat(widget)) throw new Error('no chat widget');
    await receiveTelegramUpdate(
      receiveDeps(t, stage.clock),
      { credential: telegramCredential(bot.token), widget },
      forged,
      undefined,
    );
    expect((await t.platform.store.conversations.get(first.conversationId))?.rating).toBeNull();
    const stored = () => pollerEvent(t.platform, (e) => e.type === 'stored');

    const rated = operator.next<ConversationSummary>(
      'chat:conversation',
      (c) => c.id === first.conversationId && c.rating !== null,
    );
    const answered = stage.sandbox.telegram.waitForEvent((e) => e.type === 'callback-answer');
    stage.sandbox.telegram.press(bot.username, anna.id, question.message_id, data('Хорошо'));
    expect((await rated).rating).toBe('good');
    // The press is answered: Telegram's spinner stops and the thanks shows.
    expect(await answered).toMatchObject({ text: 'Спасибо за оценку!' });
    // A second press (a double tap) changes nothing.
    const again = stored();
    stage.sandbox.telegram.press(bot.username, anna.id, question.message_id, data('Плохо'));
    await again;
    expect((await t.platform.store.conversations.get(first.conversationId))?.rating).toBe('good');
  });
});
