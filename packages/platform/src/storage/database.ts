/**
 * Opens the platform's database: a SQLite file under the data directory by default, PostgreSQL when
 * a `postgres://` URL is given. Both hand out the same `Kysely<Tables>` and the same values.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { Pool, TypeOverrides, types } from 'pg';
import { SQLITE_BUSY_TIMEOUT_MS } from './begin-immediate';
import { ImmediateSqliteDialect } from './sqlite-dialect';
import type { Tables } from './tables';

/** Where the data lives: `databaseUrl` (PostgreSQL) when set, else a SQLite file in `dataDir`. */
export interface OpenDatabaseOptions {
  /** `postgres://…` or `postgresql://…`; empty or absent means SQLite. */
  databaseUrl?: string | undefined;
  /** Directory of the SQLite file `frontdesk.sqlite`; created when missing. */
  dataDir: string;
}

/** An open database; `close()` ends its connections (calling it again is harmless). */
export interface Database {
  db: Kysely<Tables>;
  engine: 'sqlite' | 'postgres';
  close(): Promise<void>;
}

/** The SQLite file's name inside the data directory. */
export const SQLITE_FILE = 'frontdesk.sqlite';

/**
 * Opens (and, for SQLite, creates) the database; PostgreSQL is probed once so a wrong URL fails
 * here, at start, rather than on the first request.
 * @throws {Error} for an unsupported URL, an unusable SQLite file or an unreachable PostgreSQL.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const { databaseUrl } = options;
  if (databaseUrl === undefined || databaseUrl === '') return openSqlite(options.dataDir);
  if (/^postgres(ql)?:\/\//i.test(databaseUrl)) return openPostgres(databaseUrl);
  // Only the scheme: the rest of the URL may hold a password.
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(databaseUrl)?.[0] ?? 'no scheme';
  throw new Error(
    `DATABASE_URL must be a postgres:// or postgresql:// URL (got ${scheme}); leave it unset for SQLite`,
  );
}

async function openSqlite(dataDir: string): Promise<Database> {
  await mkdir(dataDir, { recursive: true });
  const sqlite = new SQLite(join(dataDir, SQLITE_FILE));
  try {
    // busy_timeout first, so that the pragmas below wait for another process instead of failing.
    sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    const mode = sqlite.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') {
      throw new Error(`SQLite could not switch ${dataDir} to WAL mode (it stays in ${mode})`);
    }
    // FULL: a write whose promise resolved survives a power cut, not just a process crash.
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    // A contact's erasure must leave no copy: freed content is overwritten with zeros.
    sqlite.pragma('secure_delete = ON');
    // SQLite's lower() folds ASCII only; the search needs "Иван" to find "иван" as PostgreSQL does.
    sqlite.function('fold', { deterministic: true }, (text: unknown) =>
      typeof text === 'string' ? text.toLowerCase() : text,
    );
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const db = new Kysely<Tables>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) });
  return { db, engine: 'sqlite', close: once(() => db.destroy()) };
}

async function openPostgres(databaseUrl: string): Promise<Database> {
  // pg returns BIGINT as a string since it may exceed 2^53; our BIGINTs are epoch milliseconds and
  // counts, far below. Set on this pool only, so other pg users in the process keep the default.
  const typeParsers = new TypeOverrides();
  typeParsers.setTypeParser(types.builtins.INT8, Number);
  const pool = new Pool({ connectionString: databaseUrl, types: typeParsers });
  // An idle client whose server went away emits 'error' on the pool; unheard, it would end the
  // process. The pool replaces the client, and the next query reports any lasting failure.
  pool.on('error', (error) => console.error('PostgreSQL connection lost:', error.message));
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy();
    throw new Error(`Cannot reach PostgreSQL at ${describeUrl(databaseUrl)}: ${messageOf(error)}`, {
      cause: error,
    });
  }
  return { db, engine: 'postgres', close: once(() => db.destroy()) };
}

/** `close` for a database: several owners (a test and the platform it started) may each call it. */
function once(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= close();
    return closing;
  };
}

/** Host, port and database of a URL, without credentials. */
function describeUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.host}${url.pathname}`;
  } catch {
    return 'the given DATABASE_URL';
  }
}

function messageOf(error: unknown): string {
  // Connecting to `localhost` tries ::1 and 127.0.0.1; Node reports both in an AggregateError.
  if (error instanceof AggregateError) return error.errors.map(messageOf).join('; ');
  return error instanceof Error && error.message !== '' ? error.message : String(error);
}
