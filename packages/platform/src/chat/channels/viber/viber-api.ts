/**
 * A minimal client of Viber's REST bot API: `POST <VIBER_API_URL>/pa/<method>` with a JSON body
 * and `X-Viber-Auth-Token`. Viber answers HTTP 200 with a `status` (0: ok) and its
 * `status_message`; anything else is no answer of Viber's.
 */
import { createHash } from 'node:crypto';
import { fetchFailure } from '../api-failure';

/** Where and as which bot to call. */
export interface ViberBot {
  /** VIBER_API_URL, without a trailing slash. */
  apiUrl: string;
  token: string;
}

/** Viber answered a non-zero `status`. */
export class ViberError extends Error {
  constructor(
    readonly status: number,
    readonly statusMessage: string,
  ) {
    super(`Viber: ${statusMessage} (status ${status})`);
    this.name = 'ViberError';
  }
}

/** No answer of Viber's: the connection failed, timed out, or something else answered. */
export class ViberUnreachable extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'ViberUnreachable';
  }
}

/** Viber's status codes the platform tells apart. */
export const VIBER_STATUS = {
  invalidAuthToken: 2,
  receiverNotRegistered: 5,
  notSubscribed: 6,
  tooManyRequests: 12,
} as const;

/**
 * Calls `method` with `body`; the answer's fields (status 0).
 * @throws {ViberError} for a non-zero status; {@link ViberUnreachable} for the rest.
 */
export async function callViber(
  bot: ViberBot,
  method: 'set_webhook' | 'send_message' | 'get_account_info',
  body: object,
  options: { timeoutMs: number; signal?: AbortSignal },
): Promise<Record<string, unknown>> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let response: Response;
  let text: string;
  try {
    response = await fetch(`${bot.apiUrl}/pa/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-viber-auth-token': bot.token },
      body: JSON.stringify(body),
      signal,
    });
    text = await response.text();
  } catch (error) {
    throw new ViberUnreachable(`Viber did not answer ${method}: ${fetchFailure(error)}`, {
      cause: error,
    });
  }
  let answer: Record<string, unknown> | undefined;
  try {
    answer = JSON.parse(text) as Record<string, unknown>;
  } catch {
    answer = undefined;
  }
  if (!response.ok || typeof answer?.status !== 'number') {
    throw new ViberUnreachable(`Viber answered ${method} with HTTP ${response.status}`);
  }
  if (answer.status !== 0) {
    throw new ViberError(answer.status, String(answer.status_message ?? 'no status message'));
  }
  // 64-bit message tokens lose digits as JSON numbers: read them from the text.
  const token = /"message_token"\s*:\s*"?(\d+)/.exec(text)?.[1];
  return token ? { ...answer, message_token: token } : answer;
}

/** The channel credential of an auth token: `viber:` and a digest (the token never shows). */
export function viberCredential(token: string): string {
  return `viber:${createHash('sha256').update(token).digest('hex').slice(0, 24)}`;
}
