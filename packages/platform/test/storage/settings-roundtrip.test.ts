import type { WidgetSettings } from '@frontdesk/config';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arbitraryWidgetSettings } from '../../../config/test/arbitraries';
import { createStore } from '../../src/storage/store';
import type { Account, Store } from '../../src/storage/types';
import { engines, type TestDatabase } from '../support/databases';
import { newAccount } from '../support/store-fixtures';

const T0 = 1_772_600_000_000;

/** Settings and other settings of the same widget type, for an update. */
const settingsPair: fc.Arbitrary<[WidgetSettings, WidgetSettings]> =
  arbitraryWidgetSettings().chain((first) =>
    fc.tuple(fc.constant(first), arbitraryWidgetSettings(first.type)),
  );

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

  it('every value the schema generates comes back unchanged through create, get and update', async () => {
    await fc.assert(
      fc.asyncProperty(settingsPair, async ([first, second]) => {
        const created = await store.widgets.create({
          accountId: account.id,
          type: first.type,
          name: 'Property',
          settings: first,
          now: T0,
        });
        expect(created.settings).toStrictEqual(first);
        expect((await store.widgets.get(created.id))?.settings).toStrictEqual(first);
        expect((await store.widgets.byKey(created.key))?.settings).toStrictEqual(first);
        const updated = await store.widgets.update(created.id, { settings: second, now: T0 + 1 });
        expect(updated?.settings).toStrictEqual(second);
        expect((await store.widgets.get(created.id))?.settings).toStrictEqual(second);
      }),
      { numRuns: 50 },
    );
  });
});
