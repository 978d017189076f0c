/**
 * The Bot API's failures: `{ ok: false, error_code, description, parameters? }`, with the error
 * code as the HTTP status, and the descriptions Telegram's own server writes.
 */
import type { ResponseParameters } from '@grammyjs/types';

/** A failed Bot API call. */
export class BotApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: ResponseParameters,
  ) {
    super(description);
  }

  /** The body Telegram answers with. */
  toJSON() {
    return {
      ok: false as const,
      error_code: this.code,
      description: this.description,
      ...(this.parameters ? { parameters: this.parameters } : {}),
    };
  }
}

/** 400 "Bad Request: …". */
export const badRequest = (what: string) => new BotApiError(400, `Bad Request: ${what}`);

/** 403 "Forbidden: …". */
export const forbidden = (what: string) => new BotApiError(403, `Forbidden: ${what}`);

/** 409 "Conflict: …". */
export const conflict = (what: string) => new BotApiError(409, `Conflict: ${what}`);

/** 401: a token no bot has. */
export const unauthorized = () => new BotApiError(401, 'Unauthorized');

/** 404: no such method (or no such path). */
export const notFound = () => new BotApiError(404, 'Not Found');

/** 429 with the seconds to wait, in the description and in `parameters.retry_after`. */
export const tooManyRequests = (retryAfter: number) =>
  new BotApiError(429, `Too Many Requests: retry after ${retryAfter}`, {
    retry_after: retryAfter,
  });
