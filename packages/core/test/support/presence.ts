/**
 * The platform's presence endpoint for the tests of the widgets' launcher chunks: `fetch`
 * stubbed to answer `GET …/widgets/:key/presence` with the presence a test sets, and anything
 * else as a network failure (the launchers ask nothing else of the platform by themselves).
 */
import type { PublicPresence } from '@frontdesk/config';
import { vi } from 'vitest';

/** Stubs `fetch`; `answer` says who can answer now (change it as the test goes on). */
export function stubPresence(answer: PublicPresence) {
  const state = { answer };
  const fetch = vi.fn(async (url: string | URL) => {
    if (!String(url).endsWith('/presence')) throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(state.answer), {
      headers: { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetch);
  return { state, fetch };
}
