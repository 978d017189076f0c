import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, SQLITE_FILE } from '../../src/storage/database';
import { postgresEngine, type TestDatabase, testPostgresUrl } from '../support/databases';

describe('openDatabase on SQLite', () => {
  let parent: string;
  beforeAll(async () => {
    parent = await mkdtemp(join(tmpdir(), 'frontdesk-test-'));
  });
  afterAll(() => rm(parent, { recursive: true, force: true }));

  it('creates the data directory and the file, in WAL mode with FULL sync, foreign keys and a busy timeout', async () => {
    const dataDir = join(parent, 'nested', '.data');
    const database = await openDatabase({ dataDir });
    try {
      expect(database.engine).toBe('sqlite');
      expect(existsSync(join(dataDir, SQLITE_FILE))).toBe(true);
      const pragma = async (name: string) =>
        Object.values((await sql.raw(`pragma ${name}`).execute(database.db)).rows[0] ?? {})[0];
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('synchronous')).toBe(2); // FULL
      expect(await pragma('foreign_keys')).toBe(1);
      expect(await pragma('busy_timeout')).toBeGreaterThanOrEqual(1000);
    } finally {
      await database.close();
    }
  });

  it('an empty URL means SQLite too, and closing twice is harmless', async () => {
    const database = await openDatabase({ databaseUrl: '', dataDir: parent });
    expect(database.engine).toBe('sqlite');
    await database.close();
    await database.close();
  });
});

describe('openDatabase on PostgreSQL', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await postgresEngine.open({ migrate: false });
  });
  afterAll(() => database.drop());

  it('reads BIGINT as a number on its own pool, leaving pg’s global parsers alone', async () => {
    expect(database.engine).toBe('postgres');
    const { rows } = await sql<{ n: unknown }>`select 9007199254740991::bigint as n`.execute(
      database.db,
    );
    expect(rows).toEqual([{ n: Number.MAX_SAFE_INTEGER }]);
    expect(pg.types.getTypeParser(pg.types.builtins.INT8, 'text')('42')).toBe('42');
  });

  it('accepts postgresql:// as well', async () => {
    const url = database.options.databaseUrl?.replace(/^postgres:/, 'postgresql:');
    const other = await openDatabase({ databaseUrl: url, dataDir: tmpdir() });
    expect(other.engine).toBe('postgres');
    await other.close();
  });

  it('fails at once, without the password, when the server is unreachable', async () => {
    const open = openDatabase({
      databaseUrl: 'postgres://someone:s3cret@127.0.0.1:1/frontdesk',
      dataDir: tmpdir(),
    });
    await expect(open).rejects.toThrow(/Cannot reach PostgreSQL at 127\.0\.0\.1:1\/frontdesk/);
    await expect(open).rejects.not.toThrow(/s3cret/);
  });
});

describe('openDatabase', () => {
  it('refuses a URL of another engine, naming only its scheme', async () => {
    await expect(
      openDatabase({ databaseUrl: 'mysql://root:s3cret@localhost/db', dataDir: tmpdir() }),
    ).rejects.toThrow('DATABASE_URL must be a postgres:// or postgresql:// URL (got mysql:)');
  });

  it('the test PostgreSQL server is the one CI provides unless TEST_PG_URL says otherwise', () => {
    expect(testPostgresUrl).toBe(
      process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    );
  });
});
