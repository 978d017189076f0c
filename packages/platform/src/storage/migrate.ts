/**
 * Brings the schema up to date. Safe to run from several platform processes starting at once:
 * PostgreSQL serialises them with Kysely's advisory lock and runs each migration in a transaction;
 * SQLite has no such lock in Kysely, so the whole run (including Kysely's own bookkeeping tables)
 * happens inside one `begin immediate` transaction, which also makes a failed migration leave no
 * half-built schema behind.
 */
import { type MigrationResultSet, Migrator, sql } from 'kysely';
import { beginImmediate } from './begin-immediate';
import type { Database } from './database';
import { migrations } from './migrations/index';

/** How long a SQLite process waits for another one's migrations before giving up. */
const SQLITE_MIGRATION_WAIT_MS = 60_000;

/**
 * Applies the pending migrations and returns their names (empty when the schema was current).
 * Run it before the database serves requests: on SQLite it holds the connection's transaction.
 * @throws {Error} naming the migration that failed.
 */
export async function migrate(database: Database): Promise<string[]> {
  const migrator = new Migrator({
    db: database.db,
    provider: { getMigrations: async () => migrations },
  });
  if (database.engine === 'postgres') return applied(await migrator.migrateToLatest());

  const execute = (statement: string) => sql.raw(statement).execute(database.db);
  await beginImmediate(execute, SQLITE_MIGRATION_WAIT_MS);
  try {
    const names = applied(await migrator.migrateToLatest());
    await execute('commit');
    return names;
  } catch (error) {
    // SQLite may have rolled back already (a full disk does that); the first error is the one to see.
    await execute('rollback').catch(() => undefined);
    throw error;
  }
}

/** The names of the migrations a run applied; throws its error, if any. */
function applied({ error, results = [] }: MigrationResultSet): string[] {
  if (error !== undefined) {
    const failed = results.find((result) => result.status === 'Error')?.migrationName;
    const what = failed === undefined ? 'Migrating the database' : `Migration ${failed}`;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${what} failed: ${reason}`, { cause: error });
  }
  return results.filter((result) => result.status === 'Success').map((r) => r.migrationName);
}
