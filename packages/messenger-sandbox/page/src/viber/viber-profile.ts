/** Who the person at the page is in Viber: kept in the browser, registered with the sandbox. */
import { PlatformError, request } from '@frontdesk/staff';
import type { ViberUser } from './viber-types';

const KEY = 'messenger-sandbox:viber:user';

/** The user this browser was last, if any. */
export function savedViberUser(): ViberUser | undefined {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    return typeof saved?.id === 'string' && typeof saved.name === 'string' ? saved : undefined;
  } catch {
    return undefined;
  }
}

/** Registers the user named `name` (as the same user when the sandbox still knows `id`). */
export async function registerViberUser(fields: { name: string; id?: string }): Promise<ViberUser> {
  let user: ViberUser;
  try {
    user = await request<ViberUser>('/control/viber/users', { method: 'POST', body: fields });
  } catch (error) {
    if (!(error instanceof PlatformError && error.status === 404 && fields.id !== undefined)) {
      throw error;
    }
    user = await request<ViberUser>('/control/viber/users', {
      method: 'POST',
      body: { name: fields.name },
    });
  }
  localStorage.setItem(KEY, JSON.stringify(user));
  return user;
}

/** Forgets the user: the page asks again. */
export function forgetViberUser(): void {
  localStorage.removeItem(KEY);
}
