/** Due tasks in the store: a claim takes at most its limit, in due order, each task once. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/storage/store';
import { createStore } from '../../src/storage/store';
import type { Widget } from '../../src/widgets/widget-records';
import { engines, type TestDatabase } from '../support/databases';
import { newAccount, orderInput, settingsFor } from '../support/store-fixtures';

const T0 = 1_772_600_000_000;

describe.each(engines)('due tasks on $name', (engine) => {
  let database: TestDatabase;
  let store: Store;
  let widget: Widget;
  beforeAll(async () => {
    database = await engine.open();
    store = createStore(database);
    const account = await newAccount(store);
    widget = await store.widgets.create({
      accountId: account.id,
      type: 'callback',
      name: 'Callback',
      settings: settingsFor('callback'),
      now: T0,
    });
  });
  afterAll(() => database?.drop());

  it('claims no more than the limit, so one process cannot take every due order', async () => {
    const placed: string[] = [];
    for (let i = 0; i < 8; i++) {
      const result = await store.orders.place(orderInput(widget, T0 + i));
      if (result.outcome !== 'created') throw new Error(result.outcome);
      placed.push(result.order.id);
    }
    const now = T0 + 1_000;
    const claim = async () =>
      (await store.dueTasks.claim({ now, by: 'p', staleBefore: 0, limit: 3 })).map(
        (c) => c.order.id,
      );
    const batches = [await claim(), await claim(), await claim(), await claim()];
    expect(batches.map((batch) => batch.length)).toEqual([3, 3, 2, 0]);
    expect(batches.flat()).toEqual(placed);
  });
});
