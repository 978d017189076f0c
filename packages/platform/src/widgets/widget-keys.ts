import { randomBytes } from 'node:crypto';

// RFC 4648 base32 in lower case: URL-safe, no look-alike 0/1/8/9, and 32 divides 256 (no bias).
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/** A fresh public widget key: `w` and 11 random base32 characters (55 bits), e.g. `wq3v7k2m4xa9b`. */
export function randomWidgetKey(): string {
  let key = 'w';
  for (const byte of randomBytes(11)) key += ALPHABET.charAt(byte % ALPHABET.length);
  return key;
}
