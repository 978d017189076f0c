/**
 * editMessageReplyMarkup: replaces (or, with no reply_markup, removes) the inline keyboard of a
 * message the bot sent; answers with the edited message.
 */
import type { Message } from '@grammyjs/types';
import { unixTime } from '../../clock';
import { badRequest } from '../api-error';
import { inlineKeyboard } from './inline-keyboard';
import type { MethodCall } from './method-call';
import { refuseWhenBlocked, targetChat } from './target-chat';

export function editMessageReplyMarkup(call: MethodCall): Message {
  const { telegram, state, params } = call;
  if (params.has('inline_message_id')) throw badRequest('message to edit not found');
  const chat = targetChat(call);
  const messageId = params.integer('message_id');
  const entry = messageId === undefined ? undefined : chat.messages[messageId - 1];
  if (!entry) throw badRequest('message to edit not found');
  if (entry.sender !== 'bot') throw badRequest("message can't be edited");
  const keyboard = inlineKeyboard(params);
  const before = (entry.message as { reply_markup?: unknown }).reply_markup;
  if (JSON.stringify(before) === JSON.stringify(keyboard)) {
    throw badRequest(
      'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
    );
  }
  refuseWhenBlocked(chat);
  const { reply_markup: _, ...rest } = entry.message as Message & { reply_markup?: unknown };
  // A new object: updates already queued keep the message as it was.
  const message = {
    ...rest,
    edit_date: unixTime(telegram.clock),
    ...(keyboard ? { reply_markup: keyboard } : {}),
  } as Message;
  const edited = { sender: 'bot' as const, message };
  chat.messages[message.message_id - 1] = edited;
  telegram.emit({
    type: 'edited',
    bot: state.bot.username,
    chatId: chat.customer.id,
    entry: edited,
  });
  return message;
}
