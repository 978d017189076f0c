import { SECRET_PATHS, type WidgetSettings } from '@frontdesk/config';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arbitraryWidgetSettings } from '../../../config/test/arbitraries';
import type { Account } from '../../src/accounts/account-records';
import type { Store } from '../../src/storage/store';
import { createStore } from '../../src/storage/store';
import { engines, type TestDatabase } from '../support/databases';
import { newAccount } from '../support/store-fixtures';

const T0 = 1_772_600_000_000;

/** Settings and other settings of the same widget type, for an update. */
const settingsPair: fc.Arbitrary<[WidgetSettings, WidgetSettings]> =
  arbitraryWidgetSettings().chain((first) =>
    fc.tuple(fc.constant(first), arbitraryWidgetSettings(first.type)),
  );

type Node = Record<string, unknown>;

/** The object holding the secret at `path`, and the secret's key. */
function holder(settings: unknown, path: string): [Node | undefined, string] {
  const keys = path.split('.');
  const key = keys.pop() as string;
  const parent = keys.reduce<Node | undefined>(
    (node, k) => node?.[k] as Node | undefined,
    settings as Node,
  );
  return [parent, key];
}

/** The model of a write's secrets: a string stores, null or a gone object clears, else kept. */
function storedAfter(settings: WidgetSettings, before: ReadonlySet<string>): Set<string> {
  const stored = new Set<string>();
  for (const path of SECRET_PATHS[settings.type]) {
    const [parent, key] = holder(settings, path);
    const value = parent?.[key];
    if (typeof value === 'string' || (parent && value !== null && before.has(path))) {
      stored.add(path);
    }
  }
  return stored;
}

/** The model of a read: the settings with `{ set }` in place of each secret. */
function asRead(settings: WidgetSettings, stored: ReadonlySet<string>): WidgetSettings {
  const copy = structuredClone(settings);
  for (const path of SECRET_PATHS[copy.type]) {
    const [parent, key] = holder(copy, path);
    if (parent) parent[key] = { set: stored.has(path) };
  }
  return copy;
}

describe.each(engines)('widget settings on $name', (engine) => {
  let database: TestDatabase;
  let store: Store;
  let account: Account;
  beforeAll(async () => {
    database = await engine.open();
    store = createStore(database);
    account = await newAccount(store);
  });
  afterAll(() => database?.drop());

  it('every value the schema generates comes back unchanged through create, get and update, secrets as { set }', async () => {
    await fc.assert(
      fc.asyncProperty(settingsPair, async ([first, second]) => {
        const created = await store.widgets.create({
          accountId: account.id,
          type: first.type,
          name: 'Property',
          settings: first,
          now: T0,
        });
        const afterCreate = asRead(first, storedAfter(first, new Set()));
        expect(created.settings).toStrictEqual(afterCreate);
        expect((await store.widgets.get(created.id))?.settings).toStrictEqual(afterCreate);
        expect((await store.widgets.byKey(created.key))?.settings).toStrictEqual(afterCreate);
        const updated = await store.widgets.update(created.id, { settings: second, now: T0 + 1 });
        const afterUpdate = asRead(second, storedAfter(second, storedAfter(first, new Set())));
        expect(updated?.settings).toStrictEqual(afterUpdate);
        expect((await store.widgets.get(created.id))?.settings).toStrictEqual(afterUpdate);
      }),
      { numRuns: 50 },
    );
  });
});
