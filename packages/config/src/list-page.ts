/** The admin API's newest-first lists (call history, outbox), one page at a time. */

/** One page; `next` is the opaque `?cursor=` of the next page, null on the last. */
export interface ListPage<T> {
  items: T[];
  next: string | null;
}
