/** The platform's HTTP API as the Studio uses it: same origin, session cookie, CSRF token. */
import type { WidgetSettings, WidgetType } from '@frontdesk/config';

/** The signed-in user as `/v1/auth/me` returns it. */
export interface StudioUser {
  id: string;
  accountId: string;
  email: string;
  name: string;
  role: 'admin' | 'marketer' | 'operator';
}

/** A live session: the user and the token that every write echoes. */
export interface StudioSession {
  user: StudioUser;
  csrfToken: string;
}

/** A widget as the admin API returns it. */
export interface Widget {
  id: string;
  key: string;
  type: WidgetType;
  name: string;
  active: boolean;
  settings: WidgetSettings;
  version: number;
}

/** An employee or a group, to pick as a receiver. */
export interface Person {
  id: string;
  name: string;
}

/** A refused request, with the platform's stable code and the field it names. */
export class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
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
      error.field,
    );
  }
  return body as T;
}

const write = (session: StudioSession, method: string, body?: unknown) => ({
  method,
  csrfToken: session.csrfToken,
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

/** Signs in; the platform sets the session cookie. */
export function signIn(email: string, password: string): Promise<StudioSession> {
  return call('/v1/auth/login', { method: 'POST', body: JSON.stringify({ email, password }) });
}

/** The session of the cookie this browser holds, or null. */
export async function currentSession(): Promise<StudioSession | null> {
  try {
    return await call<StudioSession>('/v1/auth/me');
  } catch (error) {
    if (error instanceof RequestError && error.status === 401) return null;
    throw error;
  }
}

/** Ends the session. */
export function signOut(session: StudioSession): Promise<void> {
  return call('/v1/auth/logout', write(session, 'POST'));
}

/** The account's widgets. */
export async function listWidgets(): Promise<Widget[]> {
  return (await call<{ widgets: Widget[] }>('/v1/admin/widgets')).widgets;
}

/** One widget. */
export function getWidget(id: string): Promise<Widget> {
  return call(`/v1/admin/widgets/${encodeURIComponent(id)}`);
}

/** Creates a widget with `settings`. */
export function createWidget(
  session: StudioSession,
  input: { type: WidgetType; name: string; settings: WidgetSettings },
): Promise<Widget> {
  return call('/v1/admin/widgets', write(session, 'POST', input));
}

/** Changes a widget's name, active flag or settings. */
export function updateWidget(
  session: StudioSession,
  id: string,
  patch: { name?: string; active?: boolean; settings?: WidgetSettings },
): Promise<Widget> {
  return call(`/v1/admin/widgets/${encodeURIComponent(id)}`, write(session, 'PATCH', patch));
}

/** Deletes a widget, with the marketer's reason when given. */
export function deleteWidget(session: StudioSession, id: string, reason: string): Promise<void> {
  return call(
    `/v1/admin/widgets/${encodeURIComponent(id)}`,
    write(session, 'DELETE', { reason: reason.trim() || null }),
  );
}

/** Employees and groups of the account, the receivers a widget may name. */
export async function listPeople(): Promise<{ users: Person[]; groups: Person[] }> {
  const [{ users }, { groups }] = await Promise.all([
    call<{ users: Person[] }>('/v1/admin/users'),
    call<{ groups: Person[] }>('/v1/admin/groups'),
  ]);
  return { users, groups };
}

/** A messenger bot as its API describes it. */
export interface BotInfo {
  /** Display name. */
  name: string;
  /** Telegram: the bot's username; Viber: the chat URI. */
  handle: string;
}

/** Checks a Telegram or Viber bot token through the bot's API (`invalidAuthToken` when wrong). */
export function checkBot(
  session: StudioSession,
  channel: 'telegram' | 'viber',
  token: string,
): Promise<BotInfo> {
  return call('/v1/admin/bot-check', write(session, 'POST', { channel, token }));
}

/** Queues an e-mail with the widget's code and instructions to a developer. */
export function emailEmbedCode(session: StudioSession, id: string, email: string): Promise<void> {
  return call(
    `/v1/admin/widgets/${encodeURIComponent(id)}/embed-email`,
    write(session, 'POST', { email }),
  );
}
