import { badRequest, forbidden } from '../api-error';
import type { ChatState } from '../telegram-state';
import type { MethodCall } from './method-call';

/**
 * The chat a call's `chat_id` names: one of the bot's private chats (a bot cannot write to a
 * user by @username, nor to someone who never wrote to it).
 * @throws {BotApiError} 400 "chat_id is empty" or "chat not found".
 */
export function targetChat({ state, params }: MethodCall): ChatState {
  const chatId = params.string('chat_id')?.trim() ?? '';
  if (chatId === '') throw badRequest('chat_id is empty');
  const chat = /^-?\d+$/.test(chatId) ? state.chats.get(Number(chatId)) : undefined;
  if (!chat) throw badRequest('chat not found');
  return chat;
}

/** @throws {BotApiError} 403 "bot was blocked by the user" when the customer blocked the bot. */
export function refuseWhenBlocked(chat: ChatState): void {
  if (chat.blocked) throw forbidden('bot was blocked by the user');
}
