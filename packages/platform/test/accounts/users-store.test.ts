import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/storage/store';
import { createStore } from '../../src/storage/store';
import { engines, type TestDatabase } from '../support/databases';
import { newAccount, newUser } from '../support/store-fixtures';

describe.each(engines)('users on $name', (engine) => {
  let database: TestDatabase;
  let store: Store;
  beforeAll(async () => {
    database = await engine.open();
    store = createStore(database);
  });
  afterAll(() => database?.drop());

  it('creates a user with a lower-cased e-mail and finds it by id and by e-mail in any case', async () => {
    const account = await newAccount(store);
    const user = await store.users.create({
      accountId: account.id,
      email: 'Ann.Admin@Example.TEST',
      name: 'Ann',
      role: 'admin',
      passwordHash: 'scrypt$abc',
      photoUrl: 'https://example.test/ann.png',
    });
    expect(user).toStrictEqual({
      id: expect.any(String),
      accountId: account.id,
      email: 'ann.admin@example.test',
      name: 'Ann',
      role: 'admin',
      passwordHash: 'scrypt$abc',
      photoUrl: 'https://example.test/ann.png',
      phone: null,
      // Follows the browser until the user picks a language.
      language: null,
      createdAt: expect.any(Number),
    });
    expect(await store.users.get(user.id)).toStrictEqual(user);
    expect(await store.users.byEmail('ann.admin@example.test')).toStrictEqual(user);
    expect(await store.users.byEmail('ANN.ADMIN@EXAMPLE.TEST')).toStrictEqual(user);
    expect(await store.users.byEmail('other@example.test')).toBeUndefined();
    expect(await store.users.get('no-such-user')).toBeUndefined();
  });

  it('e-mails are unique across the platform, whatever their case', async () => {
    const [first, second] = [await newAccount(store), await newAccount(store)];
    await newUser(store, first.id, { email: 'bob@example.test' });
    const duplicate = newUser(store, second.id, { email: 'BOB@Example.test' });
    await expect(duplicate).rejects.toMatchObject({
      name: 'StoreError',
      code: 'conflict',
      field: 'email',
    });
  });

  it('refuses a user of an unknown account', async () => {
    await expect(newUser(store, 'no-such-account')).rejects.toMatchObject({
      code: 'not_found',
      field: 'accountId',
    });
  });

  it('lists the users of one account, oldest first', async () => {
    const account = await newAccount(store);
    const other = await newAccount(store);
    const a = await newUser(store, account.id, { name: 'A' });
    await newUser(store, other.id);
    await new Promise((resolve) => setTimeout(resolve, 2));
    const b = await newUser(store, account.id, { name: 'B' });
    expect(await store.users.list(account.id)).toStrictEqual([a, b]);
    expect(await store.users.list('no-such-account')).toStrictEqual([]);
  });

  it('users created in the same millisecond are listed in the order they were created', async () => {
    const frozen = createStore(database, { now: () => 1_772_600_000_000 });
    const account = await newAccount(frozen);
    const created = [];
    for (let i = 0; i < 8; i++) created.push(await newUser(frozen, account.id));
    expect(await frozen.users.list(account.id)).toStrictEqual(created);
  });

  it('updates the given fields only, lower-casing a new e-mail', async () => {
    const account = await newAccount(store);
    const user = await newUser(store, account.id, { photoUrl: 'https://example.test/1.png' });
    const updated = await store.users.update(user.id, {
      name: 'Renamed',
      role: 'marketer',
      email: 'New.Mail@Example.test',
    });
    expect(updated).toStrictEqual({
      ...user,
      name: 'Renamed',
      role: 'marketer',
      email: 'new.mail@example.test',
    });
    expect(await store.users.get(user.id)).toStrictEqual(updated);
    const cleared = await store.users.update(user.id, {
      photoUrl: null,
      passwordHash: 'scrypt$new',
    });
    expect(cleared).toStrictEqual({ ...updated, photoUrl: null, passwordHash: 'scrypt$new' });
    expect(await store.users.update(user.id, {})).toStrictEqual(cleared);
    expect(await store.users.update('no-such-user', { name: 'X' })).toBeUndefined();
  });

  it('refuses to update an e-mail to one another user has', async () => {
    const account = await newAccount(store);
    await newUser(store, account.id, { email: 'taken@example.test' });
    const user = await newUser(store, account.id);
    await expect(
      store.users.update(user.id, { email: 'Taken@example.test' }),
    ).rejects.toMatchObject({
      code: 'conflict',
      field: 'email',
    });
    expect(await store.users.get(user.id)).toStrictEqual(user);
  });

  it('replacePasswordHash replaces only the hash it was given', async () => {
    const account = await newAccount(store);
    const user = await newUser(store, account.id, { passwordHash: 'scrypt$old' });
    expect(await store.users.replacePasswordHash(user.id, 'scrypt$old', 'scrypt$stronger')).toBe(
      true,
    );
    expect((await store.users.get(user.id))?.passwordHash).toBe('scrypt$stronger');
    // Changed meanwhile (a new password): the sign-in's upgrade of the old one is dropped.
    expect(await store.users.replacePasswordHash(user.id, 'scrypt$old', 'scrypt$upgrade')).toBe(
      false,
    );
    expect((await store.users.get(user.id))?.passwordHash).toBe('scrypt$stronger');
  });

  it('delete removes the user, their memberships and their sessions, and nothing else', async () => {
    const account = await newAccount(store);
    const gone = await newUser(store, account.id);
    const stays = await newUser(store, account.id);
    const group = await store.groups.create({
      accountId: account.id,
      name: 'Sales',
      memberIds: [gone.id, stays.id],
    });
    const session = { userId: gone.id, csrfToken: 'c', createdAt: 1, expiresAt: 2 };
    await store.sessions.create({ ...session, id: `s-${gone.id}` });
    await store.sessions.create({ ...session, id: `s-${stays.id}`, userId: stays.id });

    expect(await store.users.delete(gone.id)).toBe(true);
    expect(await store.users.get(gone.id)).toBeUndefined();
    expect(await store.users.byEmail(gone.email)).toBeUndefined();
    expect((await store.groups.get(group.id))?.memberIds).toStrictEqual([stays.id]);
    expect(await store.sessions.get(`s-${gone.id}`)).toBeUndefined();
    expect(await store.sessions.get(`s-${stays.id}`)).toBeDefined();
    expect(await store.users.delete(gone.id)).toBe(false);
    // The e-mail is free again.
    await expect(newUser(store, account.id, { email: gone.email })).resolves.toBeDefined();
  });
});
