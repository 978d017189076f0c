import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TelegramEvent } from '../../../src/index';
import { type ChatFixture, chatFixture } from '../../support/chat';

let t: ChatFixture;
beforeAll(async () => {
  t = await chatFixture();
});
afterAll(() => t?.sandbox.close());

describe('a button press and answerCallbackQuery', () => {
  it('gives the bot a callback query with the data and the message, answered once', async () => {
    const sent = await t.call('sendMessage', {
      chat_id: t.anna.id,
      text: 'Rate us',
      reply_markup: { inline_keyboard: [[{ text: 'Excellent', callback_data: 'rate:5' }]] },
    });
    const offset = (await t.call('getUpdates')).body.result.at(-1).update_id + 1;
    t.sandbox.telegram.press('shop_bot', t.anna.id, sent.body.result.message_id, 'rate:5');
    const [update] = (await t.call('getUpdates', { offset })).body.result;
    expect(update.callback_query).toEqual({
      id: expect.stringMatching(/^\d+$/),
      from: { id: t.anna.id, is_bot: false, first_name: 'Anna', username: 'anna_p' },
      message: sent.body.result,
      chat_instance: expect.any(String),
      data: 'rate:5',
    });
    const events: TelegramEvent[] = [];
    const unsubscribe = t.sandbox.telegram.subscribe((event) => events.push(event));
    const answer = await t.call('answerCallbackQuery', {
      callback_query_id: update.callback_query.id,
      text: 'Thank you!',
    });
    unsubscribe();
    expect(answer.body).toEqual({ ok: true, result: true });
    expect(events).toEqual([
      {
        type: 'callback-answer',
        bot: 'shop_bot',
        chatId: t.anna.id,
        callbackQueryId: update.callback_query.id,
        text: 'Thank you!',
        showAlert: false,
      },
    ]);
    expect(
      (await t.call('answerCallbackQuery', { callback_query_id: update.callback_query.id })).body,
    ).toEqual({
      ok: false,
      error_code: 400,
      description:
        'Bad Request: query is too old and response timeout expired or query ID is invalid',
    });
  });
});
