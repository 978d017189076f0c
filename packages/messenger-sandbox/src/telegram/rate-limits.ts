/**
 * Flood control a test turns on: the named methods (of one bot, or of all; to one chat, or to any)
 * answer 429 "Too Many Requests: retry after N" with `parameters.retry_after` until the sandbox's
 * clock has moved on by the seconds asked for; N counts down with the clock. Telegram limits each
 * chat on its own too (about a message a second), which a `chatId` window plays.
 */
import type { Clock } from '../clock';
import { tooManyRequests } from './api-error';

/** The methods flood control applies to when a test names none: the ones that send. */
export const SENDING_METHODS = [
  'sendMessage',
  'sendChatAction',
  'editMessageReplyMarkup',
  'answerCallbackQuery',
];

/** A 429 window to open. */
export interface RateLimitFault {
  /** Seconds to wait, as `retry_after` first reports it. */
  retryAfter: number;
  /** The limited methods (default {@link SENDING_METHODS}). */
  methods?: string[];
  /** The limited bot's id (default: every bot). */
  botId?: number;
  /** The limited chat: calls whose `chat_id` names it (default: every call). */
  chatId?: number;
}

/** The open 429 windows. */
export class RateLimits {
  private windows: { botId?: number; chatId?: number; methods: string[]; until: number }[] = [];

  constructor(private readonly clock: Clock) {}

  add({ retryAfter, methods = SENDING_METHODS, botId, chatId }: RateLimitFault): void {
    this.windows.push({
      ...(botId === undefined ? {} : { botId }),
      ...(chatId === undefined ? {} : { chatId }),
      methods: methods.map((method) => method.toLowerCase()),
      until: this.clock().getTime() + retryAfter * 1000,
    });
  }

  /** @throws {BotApiError} 429 when `method` of bot `botId` (to `chatId`, if any) is limited now. */
  check(botId: number, method: string, chatId: number | undefined): void {
    const now = this.clock().getTime();
    this.windows = this.windows.filter(({ until }) => until > now);
    const limit = this.windows.find(
      (window) =>
        (window.botId === undefined || window.botId === botId) &&
        (window.chatId === undefined || window.chatId === chatId) &&
        window.methods.includes(method.toLowerCase()),
    );
    if (limit) throw tooManyRequests(Math.ceil((limit.until - now) / 1000));
  }

  clear(): void {
    this.windows = [];
  }
}
