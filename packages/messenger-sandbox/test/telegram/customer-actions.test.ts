import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ControlError } from '../../src/control-error';
import { type ChatFixture, chatFixture } from '../support/chat';

let t: ChatFixture;
beforeAll(async () => {
  t = await chatFixture();
});
afterAll(() => t?.sandbox.close());

/** The updates after `offset` and the offset after them. */
async function updatesAfter(offset: number) {
  const result = (await t.call('getUpdates', { offset })).body.result;
  return { result, next: (result.at(-1)?.update_id ?? offset - 1) + 1 };
}

describe('what a customer does', () => {
  it('follows a deep link: /start <payload>, marked as a bot command', async () => {
    const boris = t.sandbox.telegram.customer({ firstName: 'Boris' });
    const message = t.sandbox.telegram.start('shop_bot', boris, 'hand-off_Token1');
    expect(message).toMatchObject({
      text: '/start hand-off_Token1',
      entities: [{ type: 'bot_command', offset: 0, length: 6 }],
      chat: { id: boris.id, type: 'private', first_name: 'Boris' },
    });
    expect(t.sandbox.telegram.start('shop_bot', boris).text).toBe('/start');
    expect(() => t.sandbox.telegram.start('shop_bot', boris, 'no spaces please')).toThrow(
      expect.objectContaining({ statusCode: 400, field: 'payload' }),
    );
  });

  it('blocks the bot: a my_chat_member update, nothing more can be written until unblocked', async () => {
    const { next } = await updatesAfter(0);
    t.sandbox.telegram.setBlocked('shop_bot', t.anna.id, true);
    const { result, next: after } = await updatesAfter(next);
    expect(result).toEqual([
      {
        update_id: next,
        my_chat_member: expect.objectContaining({
          chat: expect.objectContaining({ id: t.anna.id }),
          old_chat_member: { status: 'member', user: expect.objectContaining({ id: t.bot.id }) },
          new_chat_member: {
            status: 'kicked',
            user: expect.objectContaining({ id: t.bot.id }),
            until_date: 0,
          },
        }),
      },
    ]);
    expect(() => t.sandbox.telegram.write('shop_bot', t.anna, 'hello?')).toThrow(ControlError);
    t.sandbox.telegram.start('shop_bot', t.anna);
    const restarted = (await updatesAfter(after)).result;
    expect(restarted.map((update: object) => Object.keys(update)[1])).toEqual([
      'my_chat_member',
      'message',
    ]);
    expect(
      t.sandbox.telegram.chats('shop_bot').find((chat) => chat.id === t.anna.id)?.blocked,
    ).toBe(false);
  });

  it('presses only buttons the bot sent', async () => {
    expect(() => t.sandbox.telegram.press('shop_bot', t.anna.id, 1, 'rate:5')).toThrow(
      expect.objectContaining({ statusCode: 404, field: 'messageId' }),
    );
    const sent = await t.call('sendMessage', {
      chat_id: t.anna.id,
      text: 'Rate',
      reply_markup: { inline_keyboard: [[{ text: '5', callback_data: 'rate:5' }]] },
    });
    expect(() =>
      t.sandbox.telegram.press('shop_bot', t.anna.id, sent.body.result.message_id, 'rate:1'),
    ).toThrow(expect.objectContaining({ statusCode: 400, field: 'data' }));
  });

  it('writes within Telegram limits', () => {
    expect(() => t.sandbox.telegram.write('shop_bot', t.anna, 'x'.repeat(4097))).toThrow(
      expect.objectContaining({ statusCode: 400, field: 'text' }),
    );
    expect(() => t.sandbox.telegram.write('nobody_bot', t.anna, 'hi')).toThrow(
      expect.objectContaining({ statusCode: 404 }),
    );
  });

  it('waits for a message of the bot, whether it came before or comes later', async () => {
    await t.call('sendMessage', { chat_id: t.anna.id, text: 'Earlier' });
    const earlier = await t.sandbox.telegram.waitForMessage(
      'shop_bot',
      t.anna.id,
      (entry) => entry.sender === 'bot' && entry.message.text === 'Earlier',
    );
    expect(earlier.message.text).toBe('Earlier');
    const later = t.sandbox.telegram.waitForMessage(
      'shop_bot',
      t.anna.id,
      (entry) => entry.message.text === 'Later',
    );
    await t.call('sendMessage', { chat_id: t.anna.id, text: 'Later' });
    expect((await later).sender).toBe('bot');
  });
});
