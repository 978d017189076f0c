/**
 * What a customer does in Telegram, as the bot then sees it: a text message (a `/command` gets
 * its bot_command entity), `/start <payload>` from a deep link, a press of an inline button
 * (a callback query), blocking or unblocking the bot (a my_chat_member update).
 */
import type {
  CallbackQuery,
  ChatMemberUpdated,
  Message,
  MessageEntity,
  Update,
} from '@grammyjs/types';
import { unixTime } from '../clock';
import { ControlError } from '../control-error';
import type { Customer } from './model';
import {
  type BotState,
  botUser,
  type ChatState,
  customerUser,
  privateChat,
  type TelegramState,
} from './telegram-state';

/** The most a Telegram message holds, in UTF-16 code units as the API counts. */
export const MAX_TEXT = 4096;

/** A command at the start of a text: `/start`, `/help@shop_bot`. */
const COMMAND = /^\/[A-Za-z0-9_]{1,32}(@[A-Za-z0-9_]{5,32})?(?=\s|$)/;

function commandEntities(text: string): MessageEntity[] {
  const command = COMMAND.exec(text)?.[0];
  return command ? [{ type: 'bot_command', offset: 0, length: command.length }] : [];
}

function refuseWhenBlocked(chat: ChatState, state: BotState): void {
  if (chat.blocked) {
    throw new ControlError(
      409,
      'blocked',
      `The customer has blocked @${state.bot.username}: unblock it first.`,
    );
  }
}

/**
 * `customer` sends `text` to the bot: the message joins the chat and the bot's updates.
 * @throws {ControlError} 400 for an empty or too long text, 409 when the customer blocked the bot.
 */
export function customerWrites(
  telegram: TelegramState,
  state: BotState,
  customer: Customer,
  text: string,
): Message {
  if (text.trim() === '') throw new ControlError(400, 'invalid', 'text must not be empty', 'text');
  if (text.length > MAX_TEXT) {
    throw new ControlError(400, 'invalid', `text must be at most ${MAX_TEXT} characters`, 'text');
  }
  const chat = telegram.openChat(state, customer);
  refuseWhenBlocked(chat, state);
  const entities = commandEntities(text);
  const message: Message & Update.NonChannel = {
    message_id: chat.messages.length + 1,
    from: customerUser(chat.customer),
    chat: privateChat(chat.customer),
    date: unixTime(telegram.clock),
    text,
    ...(entities.length > 0 ? { entities } : {}),
  };
  const entry = { sender: 'customer' as const, message };
  chat.messages.push(entry);
  state.queue.push('message', message);
  telegram.emit({ type: 'message', bot: state.bot.username, chatId: chat.customer.id, entry });
  return message;
}

/**
 * `customer` follows the bot's deep link (`t.me/<bot>?start=<payload>`) and presses Start: the
 * bot gets `/start <payload>`. As Telegram's Restart does, this unblocks a blocked bot first.
 * @throws {ControlError} 400 for a payload Telegram would not carry (64 characters of A–Z, a–z, 0–9, _ and -).
 */
export function customerStarts(
  telegram: TelegramState,
  state: BotState,
  customer: Customer,
  payload?: string,
): Message {
  if (payload !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(payload)) {
    throw new ControlError(
      400,
      'invalid',
      'payload must be 1–64 characters of A–Z, a–z, 0–9, _ and -',
      'payload',
    );
  }
  const chat = telegram.openChat(state, customer);
  if (chat.blocked) setBlocked(telegram, state, chat.customer.id, false);
  return customerWrites(telegram, state, customer, payload ? `/start ${payload}` : '/start');
}

/**
 * The customer presses the inline button carrying `data` under the bot's message `messageId`:
 * the bot gets a callback query, to be answered with answerCallbackQuery.
 * @throws {ControlError} 404 for no such message, 400 for no such button, 409 when blocked.
 */
export function customerPresses(
  telegram: TelegramState,
  state: BotState,
  chatId: number,
  messageId: number,
  data: string,
): CallbackQuery {
  const chat = telegram.chat(state, chatId);
  refuseWhenBlocked(chat, state);
  const entry = chat.messages[messageId - 1];
  if (entry?.sender !== 'bot') {
    throw new ControlError(404, 'not_found', `No message ${messageId} of the bot.`, 'messageId');
  }
  const markup = (entry.message as { reply_markup?: Message['reply_markup'] }).reply_markup;
  const pressed = markup?.inline_keyboard
    .flat()
    .some((button) => 'callback_data' in button && button.callback_data === data);
  if (!pressed) {
    throw new ControlError(400, 'no_button', 'The message has no button with this data.', 'data');
  }
  const query: CallbackQuery = {
    id: telegram.newCallbackQueryId(),
    from: customerUser(chat.customer),
    message: entry.message,
    chat_instance: `${state.bot.id}${chatId}`,
    data,
  };
  state.callbackQueries.set(query.id, chatId);
  state.queue.push('callback_query', query);
  return query;
}

/** The customer blocks (or unblocks) the bot: a my_chat_member update tells the bot. */
export function setBlocked(
  telegram: TelegramState,
  state: BotState,
  chatId: number,
  blocked: boolean,
): void {
  const chat = telegram.chat(state, chatId);
  if (chat.blocked === blocked) return;
  chat.blocked = blocked;
  const user = botUser(state.bot);
  const member = { status: 'member' as const, user };
  const kicked = { status: 'kicked' as const, user, until_date: 0 };
  const change: ChatMemberUpdated = {
    chat: privateChat(chat.customer),
    from: customerUser(chat.customer),
    date: unixTime(telegram.clock),
    old_chat_member: blocked ? member : kicked,
    new_chat_member: blocked ? kicked : member,
  };
  state.queue.push('my_chat_member', change);
  telegram.emit({ type: 'blocked', bot: state.bot.username, chatId, blocked });
}
