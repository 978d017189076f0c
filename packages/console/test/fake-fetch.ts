/** The platform's HTTP API as the console's component tests need it: `fetch` answering given routes. */
import { vi } from 'vitest';

/** A handler's answer: a JSON body, with a status when not 200. */
export type Answer = { status?: number; body?: unknown };

/**
 * Replaces `fetch` for the current test (restored by `vi.unstubAllGlobals`): `routes` by
 * "METHOD /path" (the query left out) answer; anything else is a 404. The paths asked, with their
 * queries, are returned in order.
 */
export function fakeFetch(routes: Record<string, (url: URL) => Answer>): string[] {
  const seen: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init: RequestInit = {}) => {
      const url = new URL(input, 'http://console.test');
      seen.push(url.pathname + url.search);
      const route = routes[`${init.method ?? 'GET'} ${url.pathname}`];
      const answer = route ? route(url) : { status: 404, body: { error: { code: 'not_found' } } };
      // 204 No Content has no body (a Response refuses one).
      return new Response(answer.status === 204 ? null : JSON.stringify(answer.body ?? {}), {
        status: answer.status ?? 200,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
  return seen;
}
