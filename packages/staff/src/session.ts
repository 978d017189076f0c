/** Signing in and out of the platform, and the session a signed-in browser holds. */
import type { StaffUser, TextLocale } from '@frontdesk/config';
import { PlatformError } from '@frontdesk/core';
import { request } from './request';

export type { StaffRole, StaffUser } from '@frontdesk/config';

/** A live session: the user and the token that every write echoes. */
export interface StaffSession {
  user: StaffUser;
  csrfToken: string;
}

/** Signs in; the platform sets the session cookie. */
export function signIn(email: string, password: string): Promise<StaffSession> {
  return request('/v1/auth/login', { method: 'POST', body: { email, password } });
}

/** The session of the cookie this browser holds, or null. */
export async function currentSession(): Promise<StaffSession | null> {
  try {
    return await request<StaffSession>('/v1/auth/me');
  } catch (error) {
    if (error instanceof PlatformError && error.status === 401) return null;
    throw error;
  }
}

/** Ends the session. */
export function signOut(session: StaffSession): Promise<void> {
  return request('/v1/auth/logout', { method: 'POST', session });
}

/** Saves the language the staff apps speak to the session's user (null: their browser's). */
export async function saveLanguage(
  session: StaffSession,
  language: TextLocale | null,
): Promise<StaffUser> {
  const { user } = await request<{ user: StaffUser }>('/v1/auth/me', {
    method: 'PATCH',
    body: { language },
    session,
  });
  return user;
}
