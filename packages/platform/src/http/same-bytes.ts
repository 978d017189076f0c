import { timingSafeEqual } from 'node:crypto';

/**
 * Whether `given` and `expected` hold the same bytes, compared in constant time: for secrets
 * and signatures a caller sends, so the time taken tells nothing about how much of one matched.
 */
export function sameBytes(given: string | Buffer, expected: string | Buffer): boolean {
  const a = typeof given === 'string' ? Buffer.from(given) : given;
  const b = typeof expected === 'string' ? Buffer.from(expected) : expected;
  return a.length === b.length && timingSafeEqual(a, b);
}
