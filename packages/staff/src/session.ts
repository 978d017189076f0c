/** Signing in and out of the platform, and the session a signed-in browser holds. */
import { PlatformError } from '@frontdesk/core';
import { request } from './request';

/** What a staff member may do: admins everything, marketers the widgets, operators the desk. */
export type StaffRole = 'admin' | 'marketer' | 'operator';

/** The signed-in user as `/v1/auth/me` returns it. */
export interface StaffUser {
  id: string;
  accountId: string;
  email: string;
  name: string;
  role: StaffRole;
  photoUrl: string | null;
}

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
