import type { StaffSession } from '@frontdesk/staff';
import { vi } from 'vitest';

/** One request as the stand-in platform received it. */
export interface Received {
  url: string;
  method: string;
  headers: Headers;
  credentials: RequestCredentials | undefined;
  body: unknown;
}

/**
 * Puts a stand-in platform behind `fetch`: it gives `answers` in turn and records each request.
 * Undo with `vi.unstubAllGlobals()`.
 */
export function stubPlatform(...answers: Response[]): Received[] {
  const received: Received[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      received.push({
        url,
        method: init.method ?? 'GET',
        headers: new Headers(init.headers),
        credentials: init.credentials,
        body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body,
      });
      const answer = answers.shift();
      if (!answer) throw new Error(`no answer left for ${url}`);
      return answer;
    }),
  );
  return received;
}

/** A JSON answer. */
export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** The platform's error answer. */
export const refusal = (status: number, error: { code: string; message: string; field?: string }) =>
  json({ error }, status);

/** An empty answer. */
export const noContent = () => new Response(null, { status: 204 });

/** A signed-in operator. */
export const operatorSession: StaffSession = {
  user: {
    id: 'u1',
    accountId: 'a1',
    email: 'operator@demo.test',
    name: 'Oleg Operator',
    role: 'operator',
    photoUrl: null,
    phone: null,
    language: null,
    createdAt: 0,
  },
  csrfToken: 'csrf-1',
};
