import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TelegramEvent } from '../../../src/index';
import { type ChatFixture, chatFixture } from '../../support/chat';

let t: ChatFixture;
beforeAll(async () => {
  t = await chatFixture();
});
afterAll(() => t?.sandbox.close());

describe('sendChatAction', () => {
  it('shows the bot typing in the chat', async () => {
    const events: TelegramEvent[] = [];
    const unsubscribe = t.sandbox.telegram.subscribe((event) => events.push(event));
    const answer = await t.call('sendChatAction', { chat_id: t.anna.id, action: 'typing' });
    unsubscribe();
    expect(answer.body).toEqual({ ok: true, result: true });
    expect(events).toEqual([
      { type: 'typing', bot: 'shop_bot', chatId: t.anna.id, action: 'typing' },
    ]);
  });

  it('refuses an action Telegram does not have', async () => {
    expect(
      (await t.call('sendChatAction', { chat_id: t.anna.id, action: 'dancing' })).body,
    ).toEqual({
      ok: false,
      error_code: 400,
      description: 'Bad Request: wrong parameter action in request',
    });
  });
});
