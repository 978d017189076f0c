/**
 * Newest-first lists paged by keyset: ordered by (time, id) descending, a page goes on after
 * the last item it showed. Unlike offsets, rows inserted meanwhile neither repeat nor vanish.
 */
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Cursor, Page } from './page';

/**
 * `(at, id) < (cursor.at, cursor.id)` over the named columns, for `.where(…)`. Written with a
 * plain bound on the time first, so an index on (…, time, id) starts its scan at the cursor
 * instead of reading every newer row (SQLite does not bound a range by an `or`).
 */
export function olderThan(atColumn: string, idColumn: string, cursor: Cursor): RawBuilder<SqlBool> {
  const at = sql.ref(atColumn);
  const id = sql.ref(idColumn);
  return sql<SqlBool>`(${at} <= ${cursor.at} and (${at} < ${cursor.at} or ${id} < ${cursor.id}))`;
}

/**
 * The page of `rows`, fetched with one more than `limit`: the extra row only says that another
 * page follows, which then starts after the last row shown.
 */
export function pageOf<Row, T>(
  rows: Row[],
  limit: number,
  toItem: (row: Row) => T,
  cursorOf: (row: Row) => Cursor,
): Page<T> {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    items: shown.map(toItem),
    next: rows.length > limit && last !== undefined ? cursorOf(last) : null,
  };
}
