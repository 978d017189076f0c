import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChatFixture, chatFixture } from '../../support/chat';

let t: ChatFixture;
beforeAll(async () => {
  t = await chatFixture();
});
afterAll(() => t?.sandbox.close());

const bad = (description: string) => ({
  status: 400,
  body: { ok: false, error_code: 400, description: `Bad Request: ${description}` },
});

const keyboard = {
  inline_keyboard: [
    [
      { text: 'Excellent', callback_data: 'rate:5' },
      { text: 'Poor', callback_data: 'rate:2' },
    ],
    [{ text: 'Our site', url: 'https://shop.example/' }],
  ],
};

describe('sendMessage', () => {
  it('sends the text into the chat, with its inline keyboard, and answers the Message', async () => {
    const answer = await t.call('sendMessage', {
      chat_id: t.anna.id,
      text: 'How did we do?',
      reply_markup: keyboard,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.result).toEqual({
      message_id: 2,
      from: { id: t.bot.id, is_bot: true, first_name: 'Shop Bot', username: 'shop_bot' },
      chat: { id: t.anna.id, type: 'private', first_name: 'Anna', username: 'anna_p' },
      date: Date.parse('2026-03-04T07:00:00Z') / 1000,
      text: 'How did we do?',
      reply_markup: keyboard,
    });
    expect(t.sandbox.telegram.messages('shop_bot', t.anna.id).at(-1)).toEqual({
      sender: 'bot',
      message: answer.body.result,
    });
  });

  it('takes reply_markup as JSON text in a form body', async () => {
    const response = await fetch(`${t.sandbox.telegram.apiUrl}/bot${t.bot.token}/sendMessage`, {
      method: 'POST',
      body: new URLSearchParams({
        chat_id: String(t.anna.id),
        text: 'Rate us',
        reply_markup: JSON.stringify(keyboard),
      }),
    });
    expect((await response.json()).result.reply_markup).toEqual(keyboard);
  });

  it('sends 4,096 characters and refuses 4,097: "message is too long"', async () => {
    const full = await t.call('sendMessage', { chat_id: t.anna.id, text: 'я'.repeat(4096) });
    expect(full.body.ok).toBe(true);
    const before = t.sandbox.telegram.messages('shop_bot', t.anna.id).length;
    expect(await t.call('sendMessage', { chat_id: t.anna.id, text: 'я'.repeat(4097) })).toEqual(
      bad('message is too long'),
    );
    expect(t.sandbox.telegram.messages('shop_bot', t.anna.id)).toHaveLength(before);
  });

  it('refuses what Telegram refuses, in its words', async () => {
    expect(await t.call('sendMessage', { text: 'to nobody' })).toEqual(bad('chat_id is empty'));
    expect(await t.call('sendMessage', { chat_id: 42, text: 'to a stranger' })).toEqual(
      bad('chat not found'),
    );
    expect(await t.call('sendMessage', { chat_id: '@anna_p', text: 'by name' })).toEqual(
      bad('chat not found'),
    );
    expect(await t.call('sendMessage', { chat_id: t.anna.id, text: '  ' })).toEqual(
      bad('message text is empty'),
    );
    expect(
      await t.call('sendMessage', { chat_id: t.anna.id, text: 'x', parse_mode: 'BBCode' }),
    ).toEqual(bad('unsupported parse_mode'));
  });

  it('refuses inline keyboards Telegram would refuse', async () => {
    const send = (reply_markup: unknown) =>
      t.call('sendMessage', { chat_id: t.anna.id, text: 'Pick', reply_markup });
    expect(
      await send({ inline_keyboard: [[{ text: 'x', callback_data: 'd'.repeat(65) }]] }),
    ).toEqual(bad('BUTTON_DATA_INVALID'));
    expect(await send({ inline_keyboard: [[{ text: 'Just text' }]] })).toEqual(
      bad("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"),
    );
    expect(await send({ inline_keyboard: [{ text: 'x', callback_data: 'y' }] })).toEqual(
      bad('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays'),
    );
    expect(await send('{not json')).toEqual(bad("can't parse reply keyboard markup JSON object"));
  });
});
