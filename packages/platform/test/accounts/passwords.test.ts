import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PASSWORD_COST,
  dummyHash,
  hashPassword,
  verifyPassword,
  weakerThan,
} from '../../src/accounts/passwords';

describe('password hashes', () => {
  it('hash at scrypt N=2^17, r=8, p=1 by default, and verify', async () => {
    expect(DEFAULT_PASSWORD_COST).toBe(2 ** 17);
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('wrong horse battery', hash)).toBe(false);
  });

  it('take the cost given, and still verify hashes of another cost', async () => {
    const cheap = await hashPassword('correct horse battery', 2 ** 14);
    expect(cheap).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword('correct horse battery', cheap)).toBe(true);
    expect(weakerThan(cheap, DEFAULT_PASSWORD_COST)).toBe(true);
    expect(weakerThan(cheap, 2 ** 14)).toBe(false);
    expect(weakerThan(cheap.replace('$8$1$', '$4$1$'), 2 ** 14)).toBe(true);
  });

  it('make the dummy hash of unknown users at the cost of real ones', async () => {
    expect(dummyHash(2 ** 17)).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(weakerThan(dummyHash(2 ** 17), DEFAULT_PASSWORD_COST)).toBe(false);
    expect(await verifyPassword('anything', dummyHash(2 ** 14))).toBe(false);
  });
});
