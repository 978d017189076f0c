/** The shapes of the sandbox's Telegram control API, as the page reads them. */
import type { ChatMessage, Customer, SandboxBot, TelegramEvent } from '../../../src/telegram/model';

export type { ChatMessage, Customer, TelegramEvent };

/** A bot as the control API lists it (without its token). */
export type ListedBot = Omit<SandboxBot, 'token'>;

/** A bot just made: the one time its token is shown. */
export type MadeBot = SandboxBot;

/** Where the Bot API and the deep links are. */
export interface TelegramInfo {
  apiUrl: string;
  linkBase: string;
}

/** What a chat's event stream starts with. */
export interface ChatSnapshot {
  messages: ChatMessage[];
  blocked: boolean;
}
