/** The platform's HTTP API as the console uses it: same origin, session cookie, CSRF token. */
import type { OrderNotification } from './callback-order';
import type { SipCredentials } from './softphone';

/** The signed-in user as `/v1/auth/me` returns it. */
export interface ConsoleUser {
  id: string;
  accountId: string;
  email: string;
  name: string;
  role: 'admin' | 'marketer' | 'operator';
  photoUrl: string | null;
}

/** A live session: the user and the token that every write echoes. */
export interface ConsoleSession {
  user: ConsoleUser;
  csrfToken: string;
}

/** A refused request, with the platform's stable code. */
export class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

async function call<T>(path: string, init: RequestInit & { csrfToken?: string } = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (init.body !== undefined) headers.set('content-type', 'application/json');
  if (init.csrfToken) headers.set('x-csrf-token', init.csrfToken);
  const response = await fetch(path, { ...init, headers, credentials: 'same-origin' });
  if (response.status === 204) return undefined as T;
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = body?.error ?? {};
    throw new RequestError(
      response.status,
      error.code ?? 'unknown',
      error.message ?? response.statusText,
    );
  }
  return body as T;
}

/** Signs in; the platform sets the session cookie. */
export function signIn(email: string, password: string): Promise<ConsoleSession> {
  return call('/v1/auth/login', { method: 'POST', body: JSON.stringify({ email, password }) });
}

/** The session of the cookie this browser holds, or null. */
export async function currentSession(): Promise<ConsoleSession | null> {
  try {
    return await call<ConsoleSession>('/v1/auth/me');
  } catch (error) {
    if (error instanceof RequestError && error.status === 401) return null;
    throw error;
  }
}

/** Ends the session. */
export function signOut(session: ConsoleSession): Promise<void> {
  return call('/v1/auth/logout', { method: 'POST', csrfToken: session.csrfToken });
}

/** The notifications of a callback order (manual mode), from `GET /v1/admin/orders/:id`. */
export async function orderNotifications(id: string): Promise<OrderNotification[]> {
  const { notifications } = await call<{ notifications: OrderNotification[] }>(
    `/v1/admin/orders/${encodeURIComponent(id)}`,
  );
  return notifications;
}

/** The softphone's SIP credentials (`POST /v1/ops/sip-credentials`, operator or admin). */
export function sipCredentials(session: ConsoleSession): Promise<SipCredentials> {
  return call('/v1/ops/sip-credentials', {
    method: 'POST',
    body: '{}',
    csrfToken: session.csrfToken,
  });
}
