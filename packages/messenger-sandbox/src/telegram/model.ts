/** What the Telegram sandbox holds: bots, the customers who write to them, their chats. */
import type { Message } from '@grammyjs/types';

/** A bot made through the control API. */
export interface SandboxBot {
  /** The bot's user id: the number before the colon of its token. */
  id: number;
  /** `123456:AA…`, Telegram's shape. */
  token: string;
  /** Ends in "bot", as Telegram requires. */
  username: string;
  firstName: string;
}

/** A Telegram user the test or the person at the page plays. */
export interface Customer {
  /** The user's id, which is also the id of their private chat with any bot. */
  id: number;
  firstName: string;
  lastName?: string;
  username?: string;
  /** IETF language tag, as the customer's Telegram app reports it. */
  languageCode?: string;
}

/** A message in a chat, as Telegram sent it to the bot or the bot sent it. */
export interface ChatMessage {
  sender: 'customer' | 'bot';
  message: Message;
}

/** A chat of a bot with one customer. */
export interface ChatSummary {
  /** The chat's id: the customer's user id (a private chat). */
  id: number;
  customer: Customer;
  /** Whether the customer has blocked the bot. */
  blocked: boolean;
  messageCount: number;
  /** Unix time of the last message, if any. */
  lastMessageDate?: number;
}

/**
 * What happens: in a chat (the page follows these as server-sent events), and to a bot's
 * updates (for tests that wait for a poller or a webhook).
 */
export type TelegramEvent =
  | { type: 'message'; bot: string; chatId: number; entry: ChatMessage }
  | { type: 'edited'; bot: string; chatId: number; entry: ChatMessage }
  | { type: 'typing'; bot: string; chatId: number; action: string }
  | {
      type: 'callback-answer';
      bot: string;
      chatId: number;
      callbackQueryId: string;
      text?: string;
      showAlert: boolean;
      url?: string;
    }
  | { type: 'blocked'; bot: string; chatId: number; blocked: boolean }
  /** A getUpdates call is waiting for updates now. */
  | { type: 'long-poll'; bot: string }
  /** The webhook confirmed an update with a 2xx. */
  | { type: 'webhook-delivered'; bot: string; updateId: number }
  /** A webhook delivery failed (it will be retried). */
  | { type: 'webhook-error'; bot: string; updateId: number; message: string };
