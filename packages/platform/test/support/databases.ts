/**
 * The databases the storage tests run on: each `open()` makes a fresh, migrated database of its
 * engine and `drop()` removes it. PostgreSQL is required, not optional: when it is unreachable the
 * tests fail, so a green run always means both engines passed.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Database, type OpenDatabaseOptions, openDatabase } from '../../src/storage/database';
import { migrate } from '../../src/storage/migrate';

/** An open test database; `options` opens more connections to it, `drop()` closes and deletes it. */
export interface TestDatabase extends Database {
  options: OpenDatabaseOptions;
  drop(): Promise<void>;
}

/** One engine the tests run on. */
export interface TestEngine {
  name: 'sqlite' | 'postgres';
  /**
   * A fresh database, migrated unless `migrate: false`; on PostgreSQL in the ICU collation of
   * `icuLocale` if given (the server's default is C, which sorts like SQLite: bytes).
   */
  open(options?: { migrate?: boolean; icuLocale?: string }): Promise<TestDatabase>;
}

/** The PostgreSQL server the tests create their databases on (trust auth in CI). */
export const testPostgresUrl =
  process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** SQLite in a fresh temporary directory, removed on drop. */
export const sqliteEngine: TestEngine = {
  name: 'sqlite',
  async open({ migrate: migrated = true } = {}) {
    const dataDir = await mkdtemp(join(tmpdir(), 'frontdesk-test-'));
    const options = { dataDir };
    return ready(await openDatabase(options), options, migrated, () =>
      rm(dataDir, { recursive: true, force: true }),
    );
  },
};

/** A fresh database `frontdesk_test_<random>` on the test server, dropped on drop. */
export const postgresEngine: TestEngine = {
  name: 'postgres',
  async open({ migrate: migrated = true, icuLocale } = {}) {
    const name = `frontdesk_test_${randomBytes(6).toString('hex')}`;
    const collation = icuLocale
      ? ` template template0 locale_provider icu icu_locale '${icuLocale.replace(/'/g, "''")}'`
      : '';
    await onServer(`create database ${name}${collation}`);
    const url = new URL(testPostgresUrl);
    url.pathname = `/${name}`;
    const options = { databaseUrl: url.href, dataDir: tmpdir() };
    return ready(await openDatabase(options), options, migrated, () =>
      // FORCE: a connection the test left open must not keep the database alive.
      onServer(`drop database if exists ${name} with (force)`),
    );
  },
};

/** Both engines, for `describe.each(engines)`. */
export const engines: TestEngine[] = [sqliteEngine, postgresEngine];

async function ready(
  database: Database,
  options: OpenDatabaseOptions,
  migrated: boolean,
  remove: () => Promise<void>,
): Promise<TestDatabase> {
  if (migrated) await migrate(database);
  return {
    ...database,
    options,
    async drop() {
      await database.close();
      await remove();
    },
  };
}

/** Runs one statement on the server's maintenance database. */
async function onServer(statement: string): Promise<void> {
  const client = new pg.Client({
    connectionString: testPostgresUrl,
    connectionTimeoutMillis: 5_000,
  });
  try {
    await client.connect();
  } catch (error) {
    const url = new URL(testPostgresUrl);
    throw new Error(
      `The storage tests need PostgreSQL at ${url.host} (set TEST_PG_URL to use another): ${describe(error)}`,
      { cause: error },
    );
  }
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function describe(error: unknown): string {
  if (error instanceof AggregateError) return error.errors.map(describe).join('; ');
  if (error instanceof Error) return error.message || String((error as { code?: unknown }).code);
  return String(error);
}
