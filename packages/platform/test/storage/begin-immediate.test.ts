import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { beginImmediate } from '../../src/storage/begin-immediate';
import { type Database, openDatabase } from '../../src/storage/database';

describe('beginImmediate', () => {
  let dataDir: string;
  let first: Database;
  let second: Database;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'frontdesk-test-'));
    first = await openDatabase({ dataDir });
    second = await openDatabase({ dataDir });
  });
  afterEach(async () => {
    await first.close();
    await second.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const executor = (database: Database) => (statement: string) =>
    sql.raw(statement).execute(database.db);

  it('waits without blocking the event loop until the other connection commits', async () => {
    await beginImmediate(executor(first));
    let ticks = 0;
    const ticking = setInterval(() => ticks++, 5);
    const waiting = beginImmediate(executor(second));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(ticks).toBeGreaterThan(3);
    await sql`commit`.execute(first.db);
    await waiting;
    clearInterval(ticking);
    await sql`commit`.execute(second.db);
    // The busy timeout is back for ordinary statements.
    const { rows } = await sql.raw('pragma busy_timeout').execute(second.db);
    expect(rows).toEqual([{ timeout: 5000 }]);
  });

  it('gives up with a clear error when the lock is held too long', async () => {
    await beginImmediate(executor(first));
    try {
      await expect(beginImmediate(executor(second), 50)).rejects.toThrow(
        'The SQLite database stayed locked by another connection for more than 50 ms',
      );
    } finally {
      await sql`commit`.execute(first.db);
    }
  });

  it('store transactions use it: a second connection writes once the first is done', async () => {
    const holding = first.db.transaction().execute(async (trx) => {
      await sql`create table t (x integer)`.execute(trx);
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    await second.db.transaction().execute((trx) => sql`insert into t values (1)`.execute(trx));
    await holding;
    const { rows } = await sql`select x from t`.execute(first.db);
    expect(rows).toEqual([{ x: 1 }]);
  });
});
