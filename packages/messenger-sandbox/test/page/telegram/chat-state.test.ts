import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  EMPTY_CHAT,
  fromSnapshot,
  isTyping,
  TYPING_MS,
} from '../../../page/src/telegram/chat-state';
import type { ChatMessage } from '../../../src/index';

const entry = (id: number, sender: 'customer' | 'bot', text: string): ChatMessage => ({
  sender,
  message: {
    message_id: id,
    date: 0,
    chat: { id: 1, type: 'private', first_name: 'Anna' },
    text,
  },
});
const bot = 'shop_bot';
const chatId = 1;

describe('the chat as the page keeps it', () => {
  it('starts from the snapshot and adds each message after it', () => {
    const view = fromSnapshot({ messages: [entry(1, 'customer', 'Hi')], blocked: false });
    const next = applyEvent(
      view,
      { type: 'message', bot, chatId, entry: entry(2, 'bot', 'Hello') },
      0,
    );
    expect(next.messages?.map((m) => m.message.message_id)).toEqual([1, 2]);
    expect(EMPTY_CHAT.messages).toBeUndefined();
  });

  it('shows the bot typing for five seconds, or until its message comes', () => {
    const typing = applyEvent(
      fromSnapshot({ messages: [], blocked: false }),
      { type: 'typing', bot, chatId, action: 'typing' },
      1000,
    );
    expect(isTyping(typing, 1000 + TYPING_MS - 1)).toBe(true);
    expect(isTyping(typing, 1000 + TYPING_MS)).toBe(false);
    const answered = applyEvent(
      typing,
      { type: 'message', bot, chatId, entry: entry(1, 'bot', 'Hi') },
      2000,
    );
    expect(isTyping(answered, 2000)).toBe(false);
    const customerWrote = applyEvent(
      typing,
      { type: 'message', bot, chatId, entry: entry(1, 'customer', 'Hi') },
      2000,
    );
    expect(isTyping(customerWrote, 2000)).toBe(true);
  });

  it('replaces an edited message in place', () => {
    const view = fromSnapshot({
      messages: [entry(1, 'bot', 'Rate us'), entry(2, 'customer', 'ok')],
      blocked: false,
    });
    const edited = applyEvent(
      view,
      { type: 'edited', bot, chatId, entry: entry(1, 'bot', 'Rated') },
      0,
    );
    expect(edited.messages?.map((m) => ('text' in m.message ? m.message.text : ''))).toEqual([
      'Rated',
      'ok',
    ]);
  });

  it("keeps a button's answer to show, as an alert when the bot asks for one", () => {
    const view = fromSnapshot({ messages: [], blocked: false });
    const answer = { type: 'callback-answer' as const, bot, chatId, callbackQueryId: '1' };
    expect(applyEvent(view, { ...answer, showAlert: false }, 0)).toEqual(view);
    expect(applyEvent(view, { ...answer, text: 'Thanks', showAlert: true }, 0).answer).toEqual({
      text: 'Thanks',
      alert: true,
    });
  });

  it('follows blocking and unblocking', () => {
    const blocked = applyEvent(EMPTY_CHAT, { type: 'blocked', bot, chatId, blocked: true }, 0);
    expect(blocked.blocked).toBe(true);
    expect(applyEvent(blocked, { type: 'blocked', bot, chatId, blocked: false }, 0).blocked).toBe(
      false,
    );
  });
});
