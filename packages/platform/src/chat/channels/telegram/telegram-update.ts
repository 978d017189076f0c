/**
 * What a Telegram update means to the chat: a customer's message in a private chat with the bot,
 * (its text, or its photo or file and placeholders: telegram-content.ts), a `/start` (with a
 * deep link's payload: a hand-off token), a press on one of the rating's marks,
 * or nothing the chat keeps (edits, other buttons, blocking, groups…: their offset still moves
 * on). Total: any update reads as something, so no update can stall a poller.
 */
import type { ChatRating } from '@frontdesk/config';
import type { Update, User } from '@grammyjs/types';
import type { InboundContent } from '../attachments/attachment-types';
import { readRatingData } from '../rating-data';
import { storable } from '../storable-text';
import { telegramContent } from './telegram-content';

/** The updates the chat reads; edits, reactions and the rest are never asked for. */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;

/** The customer as the update tells of them. */
export interface TelegramCustomer {
  /** The private chat's id (the user's id). */
  chatId: string;
  name: string;
  username: string | null;
}

/** An update, read. */
export type TelegramInbound =
  | { kind: 'message'; customer: TelegramCustomer; content: InboundContent; phone?: string }
  | { kind: 'start'; customer: TelegramCustomer; payload: string | undefined }
  /** A mark of the rating pressed: `callbackQueryId` is for answerCallbackQuery. */
  | {
      kind: 'rating';
      customer: TelegramCustomer;
      conversationId: string;
      rating: ChatRating;
      callbackQueryId: string;
    }
  | { kind: 'ignored' };

export { ratingData } from '../rating-data';

/** Reads `update`; see the module comment. */
export function readUpdate(update: Update): TelegramInbound {
  const pressed = update.callback_query;
  const rated = readRatingData(pressed?.data ?? '');
  if (pressed?.message?.chat.type === 'private' && rated && !pressed.from.is_bot) {
    return {
      kind: 'rating',
      customer: customerOf(pressed.message.chat.id, pressed.from),
      ...rated,
      callbackQueryId: pressed.id,
    };
  }
  const message = update.message;
  if (message?.chat.type !== 'private' || !message.from || message.from.is_bot) {
    return { kind: 'ignored' };
  }
  const customer = customerOf(message.chat.id, message.from);
  const start = /^\/start(?:@\w+)?(?:\s+(\S+))?\s*$/.exec(message.text ?? '');
  if (start && message.entities?.[0]?.type === 'bot_command') {
    return { kind: 'start', customer, payload: start[1] };
  }
  const phone =
    message.contact && message.contact.user_id === message.from.id
      ? message.contact.phone_number
      : undefined;
  return {
    kind: 'message',
    customer,
    content: telegramContent(message),
    ...(phone ? { phone: storable(phone) } : {}),
  };
}

function customerOf(chatId: number, from: User): TelegramCustomer {
  return {
    chatId: String(chatId),
    name: storable([from.first_name, from.last_name].filter(Boolean).join(' ')),
    username: from.username ? storable(from.username) : null,
  };
}
