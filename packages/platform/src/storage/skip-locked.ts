import type { SelectQueryBuilder } from 'kysely';
import type { Database } from './database';

/**
 * Makes a claim's pick `for update skip locked` on PostgreSQL, so processes claiming at once take
 * different rows instead of queueing on the same ones. SQLite has no such clause and needs none:
 * its write transactions never overlap (`begin immediate`).
 */
export function skipLocked(engine: Database['engine']) {
  return <DB, TB extends keyof DB, O>(
    query: SelectQueryBuilder<DB, TB, O>,
  ): SelectQueryBuilder<DB, TB, O> =>
    engine === 'postgres' ? query.forUpdate().skipLocked() : query;
}

/**
 * Makes a read `for update` on PostgreSQL, so the transaction holds the row until it commits and
 * writers of the same row take turns (a send's sequence number, a conversation's state). SQLite
 * needs none: its write transactions already hold the whole database (`begin immediate`).
 */
export function lockedRow(engine: Database['engine']) {
  return <DB, TB extends keyof DB, O>(
    query: SelectQueryBuilder<DB, TB, O>,
  ): SelectQueryBuilder<DB, TB, O> => (engine === 'postgres' ? query.forUpdate() : query);
}
