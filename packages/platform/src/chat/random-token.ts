import { randomBytes } from 'node:crypto';

/**
 * A new random token: 32 characters of [A-Za-z0-9_-] (192 bits), which URLs and every
 * messenger's context parameter carry as is (Telegram's start payload allows those, 64 at most).
 */
export function randomToken(): string {
  return randomBytes(24).toString('base64url');
}
