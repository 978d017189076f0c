import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChatFixture, chatFixture } from '../../support/chat';

let t: ChatFixture;
beforeAll(async () => {
  t = await chatFixture();
});
afterAll(() => t?.sandbox.close());

const buttons = { inline_keyboard: [[{ text: 'Excellent', callback_data: 'rate:5' }]] };

describe('editMessageReplyMarkup', () => {
  it('removes the keyboard of the bot message and answers the edited message', async () => {
    const sent = (
      await t.call('sendMessage', { chat_id: t.anna.id, text: 'Rate us', reply_markup: buttons })
    ).body.result;
    const edit = { chat_id: t.anna.id, message_id: sent.message_id };
    const edited = await t.call('editMessageReplyMarkup', edit);
    expect(edited.body.result).toEqual({
      ...Object.fromEntries(Object.entries(sent).filter(([key]) => key !== 'reply_markup')),
      edit_date: sent.date,
    });
    expect(t.sandbox.telegram.messages('shop_bot', t.anna.id).at(-1)?.message).toEqual(
      edited.body.result,
    );
    expect((await t.call('editMessageReplyMarkup', edit)).body.description).toBe(
      'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
    );
    const back = await t.call('editMessageReplyMarkup', { ...edit, reply_markup: buttons });
    expect(back.body.result.reply_markup).toEqual(buttons);
  });

  it('edits only messages the bot sent that exist', async () => {
    expect(
      (await t.call('editMessageReplyMarkup', { chat_id: t.anna.id, message_id: 999 })).body
        .description,
    ).toBe('Bad Request: message to edit not found');
    expect(
      (await t.call('editMessageReplyMarkup', { chat_id: t.anna.id, message_id: 1 })).body
        .description,
    ).toBe("Bad Request: message can't be edited");
  });
});
