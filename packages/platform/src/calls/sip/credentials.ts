/**
 * Ephemeral SIP credentials in the form Kamailio's auth_ephemeral checks (draft-uberti-rtcweb-
 * turn-rest): username `<expiry unix seconds>:<user>`, password base64(HMAC-SHA1(secret, username)).
 * Kamailio needs nothing but the secret, and rejects a username whose expiry has passed by its own
 * (real) clock. The user part says who may do what, and Kamailio's routing enforces it:
 *
 * - `v.<widget key>.<visitor id>`: a visitor of a call widget; may INVITE that widget's line only,
 *   over a WebSocket opened for that widget; may not REGISTER;
 * - `o.<user id>`: an operator; may REGISTER the lines the platform says they serve; places no calls.
 */
import { createHmac, randomBytes } from 'node:crypto';

/** What a browser's SIP stack authenticates with. */
export interface SipCredential {
  /** `<expiry>:<user>`. */
  username: string;
  password: string;
  /** Epoch milliseconds, a whole second: when Kamailio stops accepting it. */
  expiresAt: number;
}

/** The user part of a credential, parsed. */
export type CredentialUser =
  | { role: 'visitor'; widgetKey: string; visitorId: string }
  | { role: 'operator'; userId: string };

/** Widget keys, visitor ids and user ids: no dot, no colon, nothing Kamailio would need escaped. */
const PART = /^[A-Za-z0-9_-]{1,64}$/;

/** Whether `value` can be one dot-separated part of a credential's user. */
export function isCredentialPart(value: string): boolean {
  return PART.test(value);
}

/** `v.<key>.<visitor>`. @throws {RangeError} for a key or id that is not a credential part. */
export function visitorUser(widgetKey: string, visitorId: string): string {
  if (!isCredentialPart(widgetKey) || !isCredentialPart(visitorId)) {
    throw new RangeError('widget keys and visitor ids are 1–64 of A–Z, a–z, 0–9, _ and -');
  }
  return `v.${widgetKey}.${visitorId}`;
}

/** `o.<user id>`. @throws {RangeError} for an id that is not a credential part. */
export function operatorUser(userId: string): string {
  if (!isCredentialPart(userId)) throw new RangeError(`unusable user id "${userId}"`);
  return `o.${userId}`;
}

/** The user part `user` describes, or undefined when it is neither form. */
export function parseCredentialUser(user: string): CredentialUser | undefined {
  const parts = user.split('.');
  if (parts.some((part) => !isCredentialPart(part))) return undefined;
  const [role, first, second] = parts;
  if (role === 'v' && parts.length === 3 && first && second) {
    return { role: 'visitor', widgetKey: first, visitorId: second };
  }
  if (role === 'o' && parts.length === 2 && first) return { role: 'operator', userId: first };
  return undefined;
}

/** base64(HMAC-SHA1(secret, username)): the password auth_ephemeral expects. */
export function ephemeralPassword(secret: string, username: string): string {
  return createHmac('sha1', secret).update(username).digest('base64');
}

/** A credential for `user` that expires at `expiresAtMs` (rounded down to a whole second). */
export function mintCredential(secret: string, user: string, expiresAtMs: number): SipCredential {
  const expiry = Math.floor(expiresAtMs / 1000);
  const username = `${expiry}:${user}`;
  return { username, password: ephemeralPassword(secret, username), expiresAt: expiry * 1000 };
}

/** A fresh random id: 16 bytes, base64url (22 characters). */
export function randomId(): string {
  return randomBytes(16).toString('base64url');
}
