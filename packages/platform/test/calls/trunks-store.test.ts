/** SIP trunks in the store: the password a write-only secret, and an employee's external phone. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../src/accounts/account-records';
import type { NewTrunk } from '../../src/calls/call-records';
import type { Store } from '../../src/storage/store';
import { createStore } from '../../src/storage/store';
import { engines, type TestDatabase } from '../support/databases';
import { newAccount, newUser } from '../support/store-fixtures';

const T0 = 1_772_600_000_000;
const PASSWORD = 'trunk-secret-of-the-store-42';

function trunkOf(account: Account, extra: Partial<NewTrunk> = {}): NewTrunk {
  return {
    accountId: account.id,
    name: 'Provider',
    host: 'sip.provider.example',
    port: 5070,
    transport: 'tcp',
    username: 'acme-trunk',
    password: PASSWORD,
    register: true,
    callerId: '+74951230000',
    callerIdHeader: 'pai',
    maxCalls: 4,
    destinations: ['7', '375'],
    now: T0,
    ...extra,
  };
}

describe.each(engines)('trunks on $name', (engine) => {
  let database: TestDatabase;
  let store: Store;
  let account: Account;
  beforeAll(async () => {
    database = await engine.open();
    store = createStore(database);
    account = await newAccount(store);
  });
  afterAll(() => database?.drop());

  const passwordOf = (id: string) => store.secrets.get({ kind: 'trunk', id }, 'password');

  it('stores a trunk with its password apart, and reads back only that one is set', async () => {
    const created = await store.trunks.create(trunkOf(account));
    const { password: _, now: __, ...fields } = trunkOf(account);
    expect(created).toEqual({
      ...fields,
      id: expect.any(String),
      password: { set: true },
      createdAt: T0,
      updatedAt: T0,
    });
    expect(await store.trunks.get(created.id)).toEqual(created);
    expect(JSON.stringify(await store.trunks.list(account.id))).not.toContain(PASSWORD);
    expect(JSON.stringify(await store.trunks.all())).not.toContain(PASSWORD);
    expect(await passwordOf(created.id)).toBe(PASSWORD);
  });

  it('lists an account’s trunks oldest first, and every account’s for the edge', async () => {
    const other = await newAccount(store, 'Other');
    const first = await store.trunks.create(trunkOf(other, { name: 'First', now: T0 + 1 }));
    const second = await store.trunks.create(trunkOf(other, { name: 'Second', now: T0 + 1 }));
    expect((await store.trunks.list(other.id)).map((t) => t.id)).toEqual([first.id, second.id]);
    const all = (await store.trunks.all()).map((t) => t.id);
    expect(all).toEqual(expect.arrayContaining([first.id, second.id]));
    expect(all.indexOf(first.id)).toBeLessThan(all.indexOf(second.id));
  });

  it('keeps the password unless a patch replaces or clears it', async () => {
    const trunk = await store.trunks.create(trunkOf(account));
    const renamed = await store.trunks.update(trunk.id, { name: 'Renamed', now: T0 + 5 });
    expect(renamed).toMatchObject({ name: 'Renamed', password: { set: true }, updatedAt: T0 + 5 });
    expect(await passwordOf(trunk.id)).toBe(PASSWORD);
    await store.trunks.update(trunk.id, { password: 'replaced-password', now: T0 + 6 });
    expect(await passwordOf(trunk.id)).toBe('replaced-password');
    const cleared = await store.trunks.update(trunk.id, {
      password: null,
      register: false,
      destinations: ['7'],
      now: T0 + 7,
    });
    expect(cleared).toMatchObject({
      password: { set: false },
      register: false,
      destinations: ['7'],
    });
    expect(await passwordOf(trunk.id)).toBeUndefined();
    expect(await store.trunks.update('no-such-trunk', { name: 'x', now: T0 })).toBeUndefined();
  });

  it('deletes a trunk with its password', async () => {
    const trunk = await store.trunks.create(trunkOf(account));
    expect(await store.trunks.delete(trunk.id)).toBe(true);
    expect(await store.trunks.get(trunk.id)).toBeUndefined();
    expect(await passwordOf(trunk.id)).toBeUndefined();
    expect(await store.trunks.delete(trunk.id)).toBe(false);
  });

  it('refuses a trunk of no account and text the engines would not keep alike', async () => {
    await expect(
      store.trunks.create({ ...trunkOf(account), accountId: 'no-such-account' }),
    ).rejects.toMatchObject({ code: 'not_found', field: 'accountId' });
    await expect(store.trunks.create(trunkOf(account, { host: 'a\0b' }))).rejects.toMatchObject({
      code: 'invalid',
      field: 'host',
    });
  });

  it('keeps an employee’s external phone', async () => {
    const user = await newUser(store, account.id);
    expect(user.phone).toBeNull();
    const updated = await store.users.update(user.id, { phone: '+74951110001' });
    expect(updated?.phone).toBe('+74951110001');
    expect((await store.users.get(user.id))?.phone).toBe('+74951110001');
    expect((await store.users.update(user.id, { phone: null }))?.phone).toBeNull();
  });
});
