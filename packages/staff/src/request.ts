/** The staff apps' one way to the platform's HTTP API: same origin, session cookie, CSRF token. */
import { PlatformError } from '@frontdesk/core';

/** What a request sends besides its path. */
export interface RequestOptions {
  /** The HTTP method; `GET` when absent. */
  method?: string;
  /** Sent as JSON. */
  body?: unknown;
  /** The live session: a write echoes its CSRF token, or the platform refuses it. */
  session?: { csrfToken: string };
}

/**
 * Calls the platform at `path` and returns its JSON answer (`undefined` for 204 No Content).
 * @throws {PlatformError} for an error answer (`{ error: { code, message, field? } }`).
 */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers = new Headers();
  if (options.body !== undefined) headers.set('content-type', 'application/json');
  if (options.session) headers.set('x-csrf-token', options.session.csrfToken);
  const response = await fetch(path, {
    method: options.method ?? 'GET',
    headers,
    credentials: 'same-origin',
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  if (response.status === 204) return undefined as T;
  // An answer that is not JSON (a proxy's error page) still maps to a PlatformError below.
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = body?.error ?? {};
    throw new PlatformError(
      response.status,
      error.code ?? 'unknown',
      error.message ?? response.statusText,
      error.field,
    );
  }
  return body as T;
}
