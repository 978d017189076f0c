/**
 * Flood control a test turns on: the named methods (of one bot, or of all) answer 429 "Too Many
 * Requests: retry after N" with `parameters.retry_after` until the sandbox's clock has moved on
 * by the seconds asked for; N counts down with the clock.
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
}

/** The open 429 windows. */
export class RateLimits {
  private windows: { botId?: number; methods: string[]; until: number }[] = [];

  constructor(private readonly clock: Clock) {}

  add({ retryAfter, methods = SENDING_METHODS, botId }: RateLimitFault): void {
    this.windows.push({
      ...(botId === undefined ? {} : { botId }),
      methods: methods.map((method) => method.toLowerCase()),
      until: this.clock().getTime() + retryAfter * 1000,
    });
  }

  /** @throws {BotApiError} 429 when `method` of bot `botId` is limited now. */
  check(botId: number, method: string): void {
    const now = this.clock().getTime();
    this.windows = this.windows.filter(({ until }) => until > now);
    const limit = this.windows.find(
      (window) =>
        (window.botId === undefined || window.botId === botId) &&
        window.methods.includes(method.toLowerCase()),
    );
    if (limit) throw tooManyRequests(Math.ceil((limit.until - now) / 1000));
  }

  clear(): void {
    this.windows = [];
  }
}
