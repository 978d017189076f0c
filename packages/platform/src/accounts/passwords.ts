import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

/**
 * scrypt's cost N for new hashes: 2^17 with r=8, p=1 (128 MiB and a few hundred milliseconds per
 * hash), as OWASP advises. Tests and the demo seed pass 2^14 to stay quick.
 */
export const DEFAULT_PASSWORD_COST = 2 ** 17;

const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const MiB = 1024 * 1024;

/** scrypt needs 128·N·r bytes; Node refuses past `maxmem`, so allow that with room to spare. */
function maxmem(n: number, r: number): number {
  return Math.max(160 * MiB, 2 * 128 * n * r);
}

/** An scrypt hash at cost `cost` (N): `scrypt$N$r$p$salt$key`, salt and key in base64url. */
export async function hashPassword(
  password: string,
  cost: number = DEFAULT_PASSWORD_COST,
): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, KEY_LENGTH, {
    N: cost,
    r: R,
    p: P,
    maxmem: maxmem(cost, R),
  });
  return ['scrypt', cost, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Whether `password` matches `hash`, in constant time; false for a malformed hash. */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = hash.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: maxmem(Number(n), Number(r)),
  });
  return timingSafeEqual(actual, expected);
}

/** Whether `hash` was made cheaper than `cost` (or r, p differ): sign-in then stores a new one. */
export function weakerThan(hash: string, cost: number): boolean {
  const [, n, r, p] = hash.split('$');
  return Number(n) < cost || Number(r) !== R || Number(p) !== P;
}

/**
 * A hash of no password at `cost`: sign-in checks unknown e-mails against it, so an answer takes
 * as long for them as for a user.
 */
export function dummyHash(cost: number): string {
  return ['scrypt', cost, R, P, 'A'.repeat(22), 'A'.repeat(43)].join('$');
}
