/**
 * Transactions PostgreSQL aborts for another's sake run again; anything else fails at once. The
 * deadlock is a real one, between two connections locking two rows in opposite orders.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Account } from '../../src/accounts/account-records';
import { type Database, openDatabase } from '../../src/storage/database';
import { retriedTransaction, TRANSACTION_ATTEMPTS } from '../../src/storage/retried-transaction';
import { createStore } from '../../src/storage/store';
import { engines, postgresEngine, type TestDatabase } from '../support/databases';
import { newAccount } from '../support/store-fixtures';

describe.each(engines)('retried transactions on $name', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await engine.open();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('runs an aborted transaction again, at most a few times, and nothing else twice', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const aborted = Object.assign(new Error('could not serialize access'), { code: '40001' });
    let runs = 0;
    await expect(
      retriedTransaction(database.db, async () => {
        runs++;
        throw aborted;
      }),
    ).rejects.toBe(aborted);
    expect(runs).toBe(TRANSACTION_ATTEMPTS);

    runs = 0;
    const broken = Object.assign(new Error('duplicate key'), { code: '23505' });
    await expect(
      retriedTransaction(database.db, async () => {
        runs++;
        throw broken;
      }),
    ).rejects.toBe(broken);
    expect(runs).toBe(1);
  });
});

describe('a deadlock on PostgreSQL', () => {
  let database: TestDatabase;
  let other: Database;
  let accounts: [Account, Account];
  beforeAll(async () => {
    database = await postgresEngine.open();
    other = await openDatabase(database.options);
    const store = createStore(database);
    accounts = [await newAccount(store, 'A'), await newAccount(store, 'B')];
  });
  afterAll(async () => {
    await other?.close();
    await database?.drop();
  });

  it('is broken by PostgreSQL, and its victim runs again and commits', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    // Both hold their first row before either asks for its second: a certain deadlock.
    let arrived = 0;
    let bothHoldOne: () => void = () => undefined;
    const holding = new Promise<void>((resolve) => {
      bothHoldOne = resolve;
    });
    let runs = 0;
    const rename = (db: Database['db'], [first, second]: Account[], name: string) =>
      retriedTransaction(db, async (trx) => {
        runs++;
        for (const account of [first, second]) {
          await trx
            .updateTable('accounts')
            .set({ name })
            .where('id', '=', account?.id ?? '')
            .execute();
          if (account === first && ++arrived === 2) bothHoldOne();
          if (account === first) await holding;
        }
        return name;
      });
    const [a, b] = accounts;
    expect(
      await Promise.all([rename(database.db, [a, b], 'one'), rename(other.db, [b, a], 'two')]),
    ).toEqual(['one', 'two']);
    expect(runs).toBe(3);
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0]?.[0]).toMatch(/\(40P01\), attempt 1 of 4/);
    warn.mockRestore();
  });
});
