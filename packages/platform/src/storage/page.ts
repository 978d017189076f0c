/** A page of a newest-first list and the cursor after it. */

/** Where a newest-first list goes on: the last item's time and id. */
export interface Cursor {
  at: number;
  id: string;
}

/** One page of a newest-first list; `next` is null on the last page. */
export interface Page<T> {
  items: T[];
  next: Cursor | null;
}
