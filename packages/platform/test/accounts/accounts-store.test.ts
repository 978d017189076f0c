import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/storage/store';
import { createStore } from '../../src/storage/store';
import { StoreError } from '../../src/storage/store-error';
import { engines, type TestDatabase } from '../support/databases';

describe.each(engines)('accounts on $name', (engine) => {
  let database: TestDatabase;
  let store: Store;
  beforeAll(async () => {
    database = await engine.open();
    store = createStore(database);
  });
  afterAll(() => database?.drop());

  it('creates an account and gets it back', async () => {
    const before = Date.now();
    const account = await store.accounts.create({ name: 'Acme', sipDomain: 'vpbx1.sip.test' });
    expect(account).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Acme',
      sipDomain: 'vpbx1.sip.test',
      // Russian unless created otherwise (migration 038).
      language: 'ru',
      createdAt: expect.any(Number),
    });
    expect(account.createdAt).toBeGreaterThanOrEqual(before);
    expect(account.createdAt).toBeLessThanOrEqual(Date.now());
    expect(await store.accounts.get(account.id)).toStrictEqual(account);
  });

  it('an unknown id is undefined', async () => {
    expect(await store.accounts.get('no-such-account')).toBeUndefined();
  });

  it('refuses a SIP domain another account has', async () => {
    await store.accounts.create({ name: 'First', sipDomain: 'vpbx2.sip.test' });
    const second = store.accounts.create({ name: 'Second', sipDomain: 'vpbx2.sip.test' });
    await expect(second).rejects.toThrow(StoreError);
    await expect(second).rejects.toMatchObject({ code: 'conflict', field: 'sipDomain' });
  });
});
