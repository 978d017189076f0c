/**
 * sendMessage: text (1–4,096 characters) to one of the bot's chats, with an optional inline
 * keyboard. parse_mode is checked but the text is kept as sent: the page shows it as written.
 */
import type { Message } from '@grammyjs/types';
import { unixTime } from '../../clock';
import { badRequest } from '../api-error';
import { MAX_TEXT } from '../customer-actions';
import { botUser, privateChat } from '../telegram-state';
import { inlineKeyboard } from './inline-keyboard';
import type { MethodCall } from './method-call';
import { refuseWhenBlocked, targetChat } from './target-chat';

const PARSE_MODES = ['HTML', 'MarkdownV2', 'Markdown'];

export function sendMessage(call: MethodCall): Message {
  const { telegram, state, params } = call;
  const chat = targetChat(call);
  const text = params.string('text') ?? '';
  if (text.trim() === '') throw badRequest('message text is empty');
  if (text.length > MAX_TEXT) throw badRequest('message is too long');
  const parseMode = params.string('parse_mode');
  if (parseMode && !PARSE_MODES.includes(parseMode)) throw badRequest('unsupported parse_mode');
  const keyboard = inlineKeyboard(params);
  refuseWhenBlocked(chat);
  const message: Message = {
    message_id: chat.messages.length + 1,
    from: botUser(state.bot),
    chat: privateChat(chat.customer),
    date: unixTime(telegram.clock),
    text,
    ...(keyboard ? { reply_markup: keyboard } : {}),
  };
  const entry = { sender: 'bot' as const, message };
  chat.messages.push(entry);
  telegram.emit({ type: 'message', bot: state.bot.username, chatId: chat.customer.id, entry });
  return message;
}
