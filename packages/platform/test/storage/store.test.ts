import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/storage/store';
import { createStore } from '../../src/storage/store';
import { engines, type TestDatabase } from '../support/databases';
import { settingsFor } from '../support/store-fixtures';

const MAX_TIME = 8_640_000_000_000_000; // the last instant a Date can hold

/** The same calls on a store; every result, in order. */
async function script(store: Store): Promise<unknown[]> {
  const results: unknown[] = [];
  const note = async <T>(result: Promise<T>): Promise<T> => {
    const value = await result;
    results.push(value);
    return value;
  };
  const account = await note(store.accounts.create({ name: 'Acme', sipDomain: 'vpbx7.sip.test' }));
  await note(store.accounts.get(account.id));
  const admin = await note(
    store.users.create({
      accountId: account.id,
      email: 'Admin@Acme.test',
      name: 'Admin',
      role: 'admin',
      passwordHash: 'scrypt$1',
      photoUrl: 'https://acme.test/a.png',
    }),
  );
  const operator = await note(
    store.users.create({
      accountId: account.id,
      email: 'op@acme.test',
      name: 'Operator',
      role: 'operator',
      passwordHash: 'scrypt$2',
      photoUrl: null,
    }),
  );
  await note(store.users.update(operator.id, { name: 'Operator One', photoUrl: 'p' }));
  await note(store.users.byEmail('ADMIN@acme.test'));
  await note(store.users.list(account.id));
  const group = await note(
    store.groups.create({
      accountId: account.id,
      name: 'Sales',
      memberIds: [operator.id, admin.id],
    }),
  );
  await note(store.groups.update(group.id, { memberIds: [admin.id, operator.id] }));
  await note(store.groups.list(account.id));
  await note(
    store.sessions.create({
      id: 's1',
      userId: operator.id,
      csrfToken: 'c1',
      createdAt: -1,
      expiresAt: MAX_TIME,
    }),
  );
  await note(
    store.sessions.create({
      id: 's2',
      userId: admin.id,
      csrfToken: 'c2',
      createdAt: 0,
      expiresAt: 5,
    }),
  );
  await note(store.sessions.deleteExpired(5));
  await note(store.sessions.get('s1'));
  const call = await note(
    store.widgets.create({
      accountId: account.id,
      type: 'call',
      name: 'Call',
      key: 'acme-call',
      settings: settingsFor('call', { n: 1.5, big: 1e21, neg: -0.25, flag: false, empty: {} }),
      now: 0,
    }),
  );
  const chat = await note(
    store.widgets.create({
      accountId: account.id,
      type: 'chat',
      name: 'Chat',
      key: 'acme-chat',
      active: false,
      settings: settingsFor('chat'),
      now: 1_772_600_000_000,
    }),
  );
  await note(store.widgets.update(call.id, { active: false, now: MAX_TIME }));
  await note(store.widgets.update(call.id, { active: true, name: 'Call us', now: MAX_TIME }));
  await note(store.widgets.softDelete(chat.id, { reason: 'Replaced', now: MAX_TIME }));
  await note(store.widgets.get(chat.id));
  await note(store.widgets.byKey('acme-call'));
  await note(store.widgets.list(account.id));
  await note(store.widgets.sipLines(account.id));
  await note(store.users.delete(operator.id));
  await note(store.groups.get(group.id));
  return results;
}

/** `value` with every UUID replaced by its order of first appearance, so engines compare. */
function numberIds(value: unknown, seen = new Map<string, string>()): unknown {
  if (typeof value === 'string') {
    return value.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => {
      if (!seen.has(id)) seen.set(id, `#${seen.size + 1}`);
      return seen.get(id) ?? id;
    });
  }
  if (Array.isArray(value)) return value.map((item) => numberIds(item, seen));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, numberIds(v, seen)]));
  }
  return value;
}

describe('createStore', () => {
  const databases: TestDatabase[] = [];
  beforeAll(async () => {
    for (const engine of engines) databases.push(await engine.open());
  });
  afterAll(async () => {
    for (const database of databases) await database.drop();
  });

  it('the same calls give the same values, of the same types, on both engines', async () => {
    const runs = [];
    for (const database of databases) {
      // The same clock for the records the store stamps itself (accounts, users, groups).
      const store = createStore(database, {
        now: () => 1_772_600_000_000,
        randomDigits: () => 24680,
      });
      runs.push(numberIds(await script(store)));
    }
    const [sqlite, postgres] = runs;
    expect(postgres).toStrictEqual(sqlite);
    expect(sqlite).toContainEqual(
      expect.objectContaining({ key: 'acme-call', active: true, version: 3, updatedAt: MAX_TIME }),
    );
    expect(sqlite).toContainEqual(
      expect.objectContaining({
        name: 'Acme',
        sipDomain: 'vpbx7.sip.test',
        createdAt: 1_772_600_000_000,
      }),
    );
    expect(sqlite).toContainEqual({
      id: 's1',
      userId: expect.any(String),
      csrfToken: 'c1',
      createdAt: -1,
      expiresAt: MAX_TIME,
    });
  });
});
