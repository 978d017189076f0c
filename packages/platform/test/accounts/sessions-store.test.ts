import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, User } from '../../src/accounts/account-records';
import type { Store } from '../../src/storage/store';
import { createStore } from '../../src/storage/store';
import { engines, type TestDatabase } from '../support/databases';
import { newAccount, newUser } from '../support/store-fixtures';

describe.each(engines)('sessions on $name', (engine) => {
  let database: TestDatabase;
  let store: Store;
  let user: User;
  beforeAll(async () => {
    database = await engine.open();
    store = createStore(database);
    user = await newUser(store, (await newAccount(store)).id);
  });
  afterAll(() => database?.drop());

  const session = (id: string, expiresAt: number): Session => ({
    id,
    userId: user.id,
    csrfToken: `csrf-${id}`,
    createdAt: 1_772_600_000_000,
    expiresAt,
  });

  it('creates, gets and deletes a session', async () => {
    const created = await store.sessions.create(session('a'.repeat(64), 1_772_700_000_000));
    expect(created).toStrictEqual(session('a'.repeat(64), 1_772_700_000_000));
    expect(await store.sessions.get(created.id)).toStrictEqual(created);
    await store.sessions.delete(created.id);
    expect(await store.sessions.get(created.id)).toBeUndefined();
    await expect(store.sessions.delete(created.id)).resolves.toBeUndefined();
  });

  it('deleteExpired removes the sessions expiring at or before now, and counts them', async () => {
    const now = 1_800_000_000_000;
    await store.sessions.create(session('past', now - 1));
    await store.sessions.create(session('now', now));
    await store.sessions.create(session('future', now + 1));
    expect(await store.sessions.deleteExpired(now)).toBe(2);
    expect(await store.sessions.get('past')).toBeUndefined();
    expect(await store.sessions.get('now')).toBeUndefined();
    expect(await store.sessions.get('future')).toBeDefined();
    expect(await store.sessions.deleteExpired(now)).toBe(0);
  });

  it("deleteOfUser ends the user's sessions but the one named, and says which it ended", async () => {
    const [mine, other] = [await newUser(store, user.accountId), user];
    const of = (id: string, userId: string) => ({ ...session(id, 1_900_000_000_000), userId });
    await store.sessions.create(of('mine-1', mine.id));
    await store.sessions.create(of('mine-2', mine.id));
    await store.sessions.create(of('asking', mine.id));
    await store.sessions.create(of('theirs', other.id));
    expect((await store.sessions.deleteOfUser(mine.id, 'asking')).sort()).toEqual([
      'mine-1',
      'mine-2',
    ]);
    expect(await store.sessions.get('mine-1')).toBeUndefined();
    expect(await store.sessions.get('asking')).toBeDefined();
    expect(await store.sessions.get('theirs')).toBeDefined();
    expect(await store.sessions.deleteOfUser(mine.id)).toEqual(['asking']);
    expect(await store.sessions.deleteOfUser(mine.id)).toEqual([]);
  });

  it('refuses a session of an unknown user', async () => {
    await expect(
      store.sessions.create({ ...session('orphan', 2), userId: 'no-such-user' }),
    ).rejects.toMatchObject({ code: 'not_found', field: 'userId' });
  });
});
