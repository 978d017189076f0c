import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../src/accounts/account-records';
import { lineName, randomLineDigits } from '../../src/calls/sip-lines-store';
import type { Store } from '../../src/storage/store';
import { createStore, type StoreOptions } from '../../src/storage/store';
import { engines, type TestDatabase } from '../support/databases';
import { newAccount, settingsFor } from '../support/store-fixtures';

const T0 = 1_772_600_000_000;

describe('randomLineDigits', () => {
  it('gives five digits, 10000–99999', () => {
    const picks = Array.from({ length: 5000 }, randomLineDigits);
    for (const pick of picks) {
      expect(Number.isInteger(pick) && pick >= 10_000 && pick <= 99_999).toBe(true);
    }
    expect(new Set(picks).size).toBeGreaterThan(4500);
    expect(lineName(12345)).toBe('line12345');
  });
});

describe.each(engines)('SIP lines on $name', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await engine.open();
  });
  afterAll(() => database?.drop());

  /** A store whose line digits come from `picks` in turn, then `rest`. */
  const storeWith = (picks: number[], rest = 10_000): Store =>
    createStore(database, { randomDigits: () => picks.shift() ?? rest } satisfies StoreOptions);

  const createCall = (store: Store, account: Account, now = T0) =>
    store.widgets.create({
      accountId: account.id,
      type: 'call',
      name: 'Call',
      settings: settingsFor('call'),
      now,
    });

  it('is `line` + five digits at the account’s SIP domain, listed in sipLines', async () => {
    const store = createStore(database);
    const account = await newAccount(store);
    const widget = await createCall(store, account);
    const [, digits] = /^line(\d{5})@(.+)$/.exec(widget.sipLine ?? '') ?? [];
    expect(Number(digits)).toBeGreaterThanOrEqual(10_000);
    expect(widget.sipLine?.endsWith(`@${account.sipDomain}`)).toBe(true);
    expect(await store.widgets.sipLines(account.id)).toStrictEqual([
      {
        line: `line${digits}`,
        accountId: account.id,
        widgetId: widget.id,
        createdAt: T0,
        releasedAt: null,
      },
    ]);
  });

  it('a forced collision picks again', async () => {
    const store = storeWith([12345, 12345, 54321]);
    const account = await newAccount(store);
    expect((await createCall(store, account)).sipLine).toBe(`line12345@${account.sipDomain}`);
    expect((await createCall(store, account)).sipLine).toBe(`line54321@${account.sipDomain}`);
  });

  it('creates running at once that all pick the same number end with distinct lines', async () => {
    // Each create's first pick is 12345: on PostgreSQL all but one lose the race on the primary
    // key and must pick again; on SQLite the transactions queue and the check sees the taken line.
    let calls = 0;
    const store = createStore(database, {
      randomDigits: () => (calls++ < 8 ? 12_345 : randomLineDigits()),
    });
    const account = await newAccount(store);
    const widgets = await Promise.all(Array.from({ length: 8 }, () => createCall(store, account)));
    const lines = widgets.map((widget) => widget.sipLine);
    expect(new Set(lines).size).toBe(8);
    expect(lines).toContain(`line12345@${account.sipDomain}`);
    expect(await store.widgets.sipLines(account.id)).toHaveLength(8);
  });

  it('a line another transaction inserted but has not committed yet is lost gracefully', async () => {
    const account = await newAccount(createStore(database));
    const owner = await createCall(storeWith([], 11_111), account);
    const other = await database.db.startTransaction().execute();
    await other
      .insertInto('sip_lines')
      .values({
        account_id: account.id,
        line: 'line12345',
        widget_id: owner.id,
        created_at: T0,
        released_at: null,
      })
      .execute();
    const creating = createCall(storeWith([12_345, 23_456]), account);
    if (engine.name === 'postgres') {
      // The create saw 12345 free and now waits on the primary key: once the other transaction
      // commits, its insert fails and it must pick again.
      await until(async () => {
        const { rows } = await sql<{ waiting: number }>`
          select count(*) as waiting from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'
        `.execute(database.db);
        return (rows[0]?.waiting ?? 0) > 0;
      });
    }
    await other.commit().execute();
    expect((await creating).sipLine).toBe(`line23456@${account.sipDomain}`);
  });

  it('the same number may serve different accounts', async () => {
    const store = storeWith([], 77777);
    const [a, b] = [await newAccount(store), await newAccount(store)];
    expect((await createCall(store, a)).sipLine).toBe(`line77777@${a.sipDomain}`);
    expect((await createCall(store, b)).sipLine).toBe(`line77777@${b.sipDomain}`);
  });

  it('a released line is never given again, however often the random source offers it', async () => {
    const store = storeWith([], 55555);
    const account = await newAccount(store);
    const first = await createCall(store, account);
    await store.widgets.softDelete(first.id, { reason: null, now: T0 + 1 });
    const second = await createCall(store, account, T0 + 2);
    expect(first.sipLine).toBe(`line55555@${account.sipDomain}`);
    // After the random picks keep failing, the next free number after the last pick.
    expect(second.sipLine).toBe(`line55556@${account.sipDomain}`);
  });

  it('creating and deleting many widgets never repeats a line', async () => {
    // A random source with only 40 values makes collisions, and the fallback search, routine.
    let n = 0;
    const store = createStore(database, { randomDigits: () => 30_000 + ((n++ * 7919) % 40) });
    const account = await newAccount(store);
    const lines: string[] = [];
    for (let i = 0; i < 60; i++) {
      const widget = await createCall(store, account, T0 + i);
      lines.push(widget.sipLine ?? '');
      if (i % 2 === 0) await store.widgets.softDelete(widget.id, { reason: null, now: T0 + i });
    }
    expect(new Set(lines).size).toBe(60);
    const recorded = await store.widgets.sipLines(account.id);
    expect(recorded).toHaveLength(60);
    expect(recorded.filter((line) => line.releasedAt !== null)).toHaveLength(30);
  });

  it('wraps from 99999 to 10000 when searching', async () => {
    const store = storeWith([], 99_999);
    const account = await newAccount(store);
    await createCall(store, account);
    expect((await createCall(store, account)).sipLine).toBe(`line10000@${account.sipDomain}`);
  });

  it('gives the last free number, then refuses with a clear error', async () => {
    const store = storeWith([], 10_000);
    const account = await newAccount(store);
    const widget = await createCall(store, account);
    // Every other number but 64000 taken, generated by the database itself for speed.
    await sql`
      with recursive n(d) as (select 10001 union all select d + 1 from n where d < 99999)
      insert into sip_lines (account_id, line, widget_id, created_at, released_at)
      select ${account.id}, 'line' || d, ${widget.id}, ${T0}, ${T0} from n where d <> 64000
    `.execute(database.db);
    expect((await createCall(store, account)).sipLine).toBe(`line64000@${account.sipDomain}`);
    const refused = createCall(store, account);
    await expect(refused).rejects.toMatchObject({ name: 'StoreError', code: 'exhausted' });
    await expect(refused).rejects.toThrow('has used all 90000 SIP line numbers');
    // Nothing half-made: the refused widget does not exist.
    expect(await store.widgets.list(account.id)).toHaveLength(2);
  }, 30_000);

  it('refuses a random source that leaves the range', async () => {
    const store = storeWith([100_000]);
    const account = await newAccount(store);
    await expect(createCall(store, account)).rejects.toThrow(RangeError);
  });
});

/** Resolves once `check` holds, polling; fails after five seconds. */
async function until(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('the condition never held');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
