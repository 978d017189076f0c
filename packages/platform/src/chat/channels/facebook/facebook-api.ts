/**
 * A minimal Graph API client for the Messenger Platform: `<FACEBOOK_GRAPH_URL>/<version>/<path>`
 * with the Page access token. Graph answers its refusals with `{ error: { message, type, code,
 * error_subcode } }`; anything else that is not JSON is no answer of Facebook's.
 */
import { fetchFailure } from '../api-failure';

/** The Graph API version the platform speaks. */
export const GRAPH_VERSION = 'v21.0';

/** A page to call as. */
export interface FacebookPageApi {
  graphUrl: string;
  token: string;
}

/** Graph refused: its code, subcode and message. */
export class FacebookError extends Error {
  constructor(
    readonly code: number,
    readonly subcode: number | undefined,
    readonly description: string,
  ) {
    super(`Facebook: ${description}`);
    this.name = 'FacebookError';
  }
}

/** No answer of Facebook's. */
export class FacebookUnreachable extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'FacebookUnreachable';
  }
}

/**
 * Calls `path` (`/me/messages`, `/<page id>/subscribed_apps`) with `body` (POST) or none (GET).
 * @throws {FacebookError} for Graph's refusals; {@link FacebookUnreachable} for the rest.
 */
export async function callGraph(
  page: FacebookPageApi,
  path: string,
  body: object | undefined,
  options: { timeoutMs: number; signal?: AbortSignal; query?: Record<string, string> },
): Promise<Record<string, unknown>> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const query = new URLSearchParams({ ...options.query, access_token: page.token });
  const url = `${page.graphUrl}/${GRAPH_VERSION}${path}?${query}`;
  let response: Response;
  let answer: Record<string, unknown> | undefined;
  try {
    response = await fetch(url, {
      method: body ? 'POST' : 'GET',
      ...(body
        ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
        : {}),
      signal,
    });
    answer = (await response.json().catch(() => undefined)) as typeof answer;
  } catch (error) {
    throw new FacebookUnreachable(`Facebook did not answer ${path}: ${fetchFailure(error)}`, {
      cause: error,
    });
  }
  const error = answer?.error as { code?: unknown; error_subcode?: unknown; message?: unknown };
  if (error && typeof error.code === 'number') {
    throw new FacebookError(
      error.code,
      typeof error.error_subcode === 'number' ? error.error_subcode : undefined,
      String(error.message ?? 'no message'),
    );
  }
  if (!response.ok || !answer) {
    throw new FacebookUnreachable(`Facebook answered ${path} with HTTP ${response.status}`);
  }
  return answer;
}

/** The channel credential of a page: `facebook:<page id>`. */
export function facebookCredential(pageId: string): string {
  return `facebook:${pageId}`;
}
