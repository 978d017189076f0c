/**
 * Storage of the platform: open a database, migrate it, and use the store over it.
 *
 * ```ts
 * const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
 * await migrate(database);
 * const store = createStore(database);
 * ```
 */
export { type Database, type OpenDatabaseOptions, openDatabase } from './database';
export { migrate } from './migrate';
export type { Store } from './store';
export { createStore, type StoreOptions } from './store';
export { StoreError, type StoreErrorCode } from './store-error';
