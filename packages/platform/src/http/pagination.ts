/**
 * Paging of the admin API's newest-first lists: `?limit=` (1–200, default 50) and the opaque
 * `?cursor=` a page's `next` gave; the answer is `{ items, next }`, `next` null on the last page.
 */
import type { ListPage } from '@frontdesk/config';
import * as v from 'valibot';
import type { Cursor, Page } from '../storage/page';
import { ApiError } from './api-error';

/** The query entries of a paged list, to spread into its query schema. */
export const pageQuery = {
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^[1-9]\d{0,2}$/, 'limit must be 1 to 200.'),
      v.transform(Number),
      v.maxValue(200, 'limit must be 1 to 200.'),
    ),
    '50',
  ),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(200))),
};

/** An instant in a query: ISO 8601, to epoch milliseconds. */
export const instantQuery = v.pipe(
  v.string(),
  v.isoTimestamp('Give an ISO 8601 instant, like 2026-03-04T09:00:00Z.'),
  v.transform(Date.parse),
);

/** The cursor a `next` carried. @throws {ApiError} 400 naming `cursor` when it is not one. */
export function readCursor(text: string | undefined): Cursor | undefined {
  if (text === undefined) return undefined;
  const [at, id] = Buffer.from(text, 'base64url').toString('utf8').split('\n');
  // A forged one must not reach the database: a time past a bigint, a NUL PostgreSQL refuses.
  if (at === undefined || id === undefined || !/^\d{1,15}$/.test(at) || id.includes('\u0000')) {
    throw new ApiError(400, 'invalid', 'This is not a cursor a list gave.', 'cursor');
  }
  return { at: Number(at), id };
}

/** A page as the API answers it, `next` as an opaque cursor. */
export function pageAnswer<T>(page: Page<T>): ListPage<T> {
  const { next } = page;
  return {
    items: page.items,
    next: next && Buffer.from(`${next.at}\n${next.id}`, 'utf8').toString('base64url'),
  };
}
