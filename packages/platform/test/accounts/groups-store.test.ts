import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, User } from '../../src/accounts/account-records';
import type { Store } from '../../src/storage/store';
import { createStore } from '../../src/storage/store';
import { engines, type TestDatabase } from '../support/databases';
import { newAccount, newUser } from '../support/store-fixtures';

describe.each(engines)('groups on $name', (engine) => {
  let database: TestDatabase;
  let store: Store;
  let account: Account;
  let users: User[];
  beforeAll(async () => {
    database = await engine.open();
    store = createStore(database);
    account = await newAccount(store);
    users = [];
    for (let i = 0; i < 4; i++) users.push(await newUser(store, account.id));
  });
  afterAll(() => database?.drop());

  const ids = (...indexes: number[]) => indexes.map((i) => users[i]?.id ?? '');

  it('keeps members in the order given, a repeated one at its first place; everyone sees its chats', async () => {
    const group = await store.groups.create({
      accountId: account.id,
      name: 'Sales',
      memberIds: ids(2, 0, 3, 0),
    });
    expect(group).toStrictEqual({
      id: expect.any(String),
      accountId: account.id,
      name: 'Sales',
      memberIds: ids(2, 0, 3),
      // A new group's chats go to every member, the first to reply taking each (as before rules).
      chatRules: { mode: 'everyone', limit: 3, answerSeconds: 0 },
      createdAt: expect.any(Number),
    });
    expect(await store.groups.get(group.id)).toStrictEqual(group);
    expect(await store.groups.get('no-such-group')).toBeUndefined();
  });

  it('a group may have no members', async () => {
    const group = await store.groups.create({
      accountId: account.id,
      name: 'Empty',
      memberIds: [],
    });
    expect((await store.groups.get(group.id))?.memberIds).toStrictEqual([]);
  });

  it('lists the groups of one account, oldest first, each with its members in order', async () => {
    const own = await newAccount(store);
    const a = await newUser(store, own.id);
    const b = await newUser(store, own.id);
    const first = await store.groups.create({
      accountId: own.id,
      name: 'A',
      memberIds: [b.id, a.id],
    });
    await new Promise((resolve) => setTimeout(resolve, 2));
    const second = await store.groups.create({ accountId: own.id, name: 'B', memberIds: [a.id] });
    expect(await store.groups.list(own.id)).toStrictEqual([first, second]);
    expect(await store.groups.list('no-such-account')).toStrictEqual([]);
  });

  it('groups created in the same millisecond are listed in the order they were created', async () => {
    const frozen = createStore(database, { now: () => 1_772_600_000_000 });
    const created = [];
    for (const name of ['C', 'A', 'B', 'E', 'D']) {
      created.push(await frozen.groups.create({ accountId: account.id, name, memberIds: [] }));
    }
    const listed = await frozen.groups.list(account.id);
    expect(listed.filter((group) => group.createdAt === 1_772_600_000_000)).toStrictEqual(created);
  });

  it('updates the name and replaces the members, in the new order', async () => {
    const group = await store.groups.create({
      accountId: account.id,
      name: 'Support',
      memberIds: ids(0, 1),
    });
    const renamed = await store.groups.update(group.id, { name: 'Help desk' });
    expect(renamed).toStrictEqual({ ...group, name: 'Help desk' });
    const reordered = await store.groups.update(group.id, { memberIds: ids(3, 1, 2) });
    expect(reordered).toStrictEqual({ ...group, name: 'Help desk', memberIds: ids(3, 1, 2) });
    expect(await store.groups.get(group.id)).toStrictEqual(reordered);
    expect(await store.groups.update('no-such-group', { name: 'X' })).toBeUndefined();
  });

  it('refuses members that are not users of the group’s account, changing nothing', async () => {
    const other = await newAccount(store);
    const stranger = await newUser(store, other.id);
    await expect(
      store.groups.create({ accountId: account.id, name: 'X', memberIds: [stranger.id] }),
    ).rejects.toMatchObject({ code: 'not_found', field: 'memberIds' });
    const group = await store.groups.create({
      accountId: account.id,
      name: 'Y',
      memberIds: ids(0),
    });
    await expect(
      store.groups.update(group.id, { name: 'Z', memberIds: ['no-such-user'] }),
    ).rejects.toMatchObject({ code: 'not_found', field: 'memberIds' });
    expect(await store.groups.get(group.id)).toStrictEqual(group);
    expect((await store.groups.list(account.id)).map((g) => g.name)).not.toContain('X');
  });

  it('refuses a group of an unknown account', async () => {
    await expect(
      store.groups.create({ accountId: 'no-such-account', name: 'X', memberIds: [] }),
    ).rejects.toMatchObject({ code: 'not_found', field: 'accountId' });
  });

  it('delete removes the group and its memberships, not the users', async () => {
    const group = await store.groups.create({
      accountId: account.id,
      name: 'Gone',
      memberIds: ids(1),
    });
    expect(await store.groups.delete(group.id)).toBe(true);
    expect(await store.groups.get(group.id)).toBeUndefined();
    expect(await store.users.get(users[1]?.id ?? '')).toBeDefined();
    expect(await store.groups.delete(group.id)).toBe(false);
  });
});
