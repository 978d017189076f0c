/**
 * A minimal Telegram Bot API client: `POST <base>/bot<token>/<method>` with a JSON body, typed by
 * @grammyjs/types, against TELEGRAM_API_URL (the sandbox in development and tests). Only a
 * client: polling, its offset and its fencing live in telegram-poller.ts, never in memory here.
 */
import type { ApiMethods, ApiResponse } from '@grammyjs/types';
import { fetchFailure } from '../api-failure';

/** The Bot API's methods, without files (the platform sends none yet). */
type Methods = ApiMethods<never>;

/** The Bot API answered `ok: false`: its `error_code`, `description` and `retry_after`. */
export class TelegramError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    /** Seconds to wait, on a 429. */
    readonly retryAfter: number | undefined,
  ) {
    super(`${code} ${description}`);
    this.name = 'TelegramError';
  }
}

/** No answer of the Bot API's: the connection failed, timed out, or something else answered. */
export class TelegramUnreachable extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'TelegramUnreachable';
  }
}

/** Where and as which bot to call. */
export interface TelegramBot {
  /** TELEGRAM_API_URL, without a trailing slash. */
  apiUrl: string;
  token: string;
}

/**
 * Calls `method` with `params`.
 * @throws {TelegramError} for the API's refusals; {@link TelegramUnreachable} for the rest
 *   (an abort through `signal` included).
 */
export async function callTelegram<M extends keyof Methods>(
  bot: TelegramBot,
  method: M,
  params: Parameters<Methods[M]>[0],
  options: { timeoutMs: number; signal?: AbortSignal },
): Promise<ReturnType<Methods[M]>> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let response: Response;
  let body: ApiResponse<ReturnType<Methods[M]>> | undefined;
  try {
    response = await fetch(`${bot.apiUrl}/bot${bot.token}/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(params ?? {}),
      signal,
    });
    body = (await response.json().catch(() => undefined)) as typeof body;
  } catch (error) {
    throw new TelegramUnreachable(`Telegram did not answer ${method}: ${fetchFailure(error)}`, {
      cause: error,
    });
  }
  if (body === undefined || typeof body !== 'object' || typeof body.ok !== 'boolean') {
    // A proxy's error page, say: not the Bot API speaking.
    throw new TelegramUnreachable(`Telegram answered ${method} with HTTP ${response.status}`);
  }
  if (!body.ok) {
    throw new TelegramError(
      body.error_code ?? response.status,
      body.description ?? 'no description',
      body.parameters?.retry_after,
    );
  }
  return body.result;
}

/**
 * What a failed call comes to for a job that is tried again (a reply, a customer's file): 429
 * waits its `retry_after`; a 5xx or no answer at all (an outage, a timeout) is tried again with
 * back-off; any other refusal is final. Told in the API's words, never with the token.
 */
export function telegramOutcome(
  error: unknown,
): { status: 'retry'; error: string; retryAfterMs?: number } | { status: 'failed'; error: string } {
  if (!(error instanceof TelegramError))
    return { status: 'retry', error: (error as Error).message };
  const words = `Telegram: ${error.description}`;
  if (error.code === 429) {
    return { status: 'retry', error: words, retryAfterMs: (error.retryAfter ?? 1) * 1000 };
  }
  return error.code >= 500 ? { status: 'retry', error: words } : { status: 'failed', error: words };
}
