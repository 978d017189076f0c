/**
 * A minimal client of VK's API for a community access token: `POST <VK_API_URL>/method/<method>`
 * with the parameters form-encoded (the token among them, so it is in no URL and no log) and
 * `v`. VK answers `{ response }`, or `{ error: { error_code, error_msg } }`; anything else is no
 * answer of VK's. (vk-io could be this client; this one is the few lines the channel needs.)
 */
import { createHash } from 'node:crypto';
import { fetchFailure } from '../api-failure';

/** The API version the platform speaks (message_new carries `object.message`). */
export const VK_API_VERSION = '5.199';

/** Where and as which community to call. */
export interface VkApi {
  /** VK_API_URL, without a trailing slash. */
  apiUrl: string;
  token: string;
}

/** VK's error codes the platform tells apart. */
export const VK_ERROR = {
  /** A temporary failure of VK's: try again. */
  unknown: 1,
  authorizationFailed: 5,
  tooManyRequests: 6,
  floodControl: 9,
  internal: 10,
  cannotSend: 901,
} as const;

/** VK refused: its error code and message. */
export class VkError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
  ) {
    super(`VK: ${description} (error ${code})`);
    this.name = 'VkError';
  }
}

/** No answer of VK's: the connection failed, timed out, or something else answered. */
export class VkUnreachable extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'VkUnreachable';
  }
}

/**
 * Calls `method` with `params`; the answer's `response`.
 * @throws {VkError} for VK's refusals; {@link VkUnreachable} for the rest.
 */
export async function callVk(
  api: VkApi,
  method: string,
  params: Record<string, string | number>,
  options: { timeoutMs: number; signal?: AbortSignal },
): Promise<unknown> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const body = new URLSearchParams({ access_token: api.token, v: VK_API_VERSION });
  for (const [key, value] of Object.entries(params)) body.set(key, String(value));
  let response: Response;
  let answer: { response?: unknown; error?: { error_code?: unknown; error_msg?: unknown } };
  try {
    response = await fetch(`${api.apiUrl}/method/${method}`, { method: 'POST', body, signal });
    answer = (await response.json().catch(() => ({}))) as typeof answer;
  } catch (error) {
    throw new VkUnreachable(`VK did not answer ${method}: ${fetchFailure(error)}`, {
      cause: error,
    });
  }
  const error = answer?.error;
  if (error && typeof error.error_code === 'number') {
    throw new VkError(error.error_code, String(error.error_msg ?? 'no message'));
  }
  if (!response.ok || answer === null || typeof answer !== 'object' || !('response' in answer)) {
    throw new VkUnreachable(`VK answered ${method} with HTTP ${response.status}`);
  }
  return answer.response;
}

/** The community of a token, as groups.getById tells it (5.194+ `{ groups }`, or the older list). */
export interface VkGroup {
  id: number;
  name: string;
  screenName: string;
}

/** The token's own community. @throws as {@link callVk} */
export async function ownGroup(
  api: VkApi,
  options: { timeoutMs: number; signal?: AbortSignal },
): Promise<VkGroup> {
  const answer = (await callVk(api, 'groups.getById', {}, options)) as
    | { groups?: unknown[] }
    | unknown[];
  const group = (Array.isArray(answer) ? answer[0] : answer?.groups?.[0]) as
    | { id?: unknown; name?: unknown; screen_name?: unknown }
    | undefined;
  if (typeof group?.id !== 'number' || typeof group.name !== 'string') {
    throw new VkUnreachable('VK answered groups.getById without a community');
  }
  const screenName = typeof group.screen_name === 'string' ? group.screen_name : `club${group.id}`;
  return { id: group.id, name: group.name, screenName };
}

/** The channel credential of a community token: `vk:` and a digest (the token never shows). */
export function vkCredential(token: string): string {
  return `vk:${createHash('sha256').update(token).digest('hex').slice(0, 24)}`;
}
