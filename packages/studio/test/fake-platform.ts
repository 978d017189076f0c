/**
 * The platform's admin API as the Studio's component tests need it: a `fetch` answering the
 * routes a test gives (`'POST /v1/admin/widgets'` → a handler), and the requests it saw.
 */
import type { StaffSession } from '@frontdesk/staff';
import { vi } from 'vitest';

/** A request the fake platform saw: method, path and JSON body. */
export interface SeenRequest {
  method: string;
  path: string;
  body: unknown;
}

/** A handler's answer: a JSON body, with a status when not 200. */
export type Answer = { status?: number; body?: unknown };

/** A route's handler: the JSON body, and the path's last part (a record's id). */
export type Handler = (body: unknown, id: string) => Answer;

/**
 * Replaces `fetch` with the fake platform for the current test (restored by vi.unstubAllGlobals).
 * A route ending in `/:id` answers every id there.
 */
export function fakePlatform(routes: Record<string, Handler>): SeenRequest[] {
  const seen: SeenRequest[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init: RequestInit = {}) => {
      const method = init.method ?? 'GET';
      const path = new URL(input, 'http://studio.test').pathname;
      const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
      seen.push({ method, path, body });
      const id = path.slice(path.lastIndexOf('/') + 1);
      const route =
        routes[`${method} ${path}`] ?? routes[`${method} ${path.slice(0, -id.length)}:id`];
      const answer = route
        ? route(body, decodeURIComponent(id))
        : { status: 404, body: { error: { code: 'not_found' } } };
      return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
        status: answer.status ?? (answer.body === undefined ? 204 : 200),
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
  return seen;
}

/** A signed-in marketer. */
export const session: StaffSession = {
  user: {
    id: 'u1',
    accountId: 'a1',
    name: 'Mia Marketer',
    email: 'mia@shop.example',
    role: 'marketer',
    photoUrl: null,
    phone: null,
    language: null,
    createdAt: 0,
  },
  csrfToken: 'csrf',
};

/** A signed-in admin. */
export const adminSession: StaffSession = { ...session, user: { ...session.user, role: 'admin' } };
