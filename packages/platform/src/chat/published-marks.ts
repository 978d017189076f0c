/** The most messages one UPDATE marks published. */
export const MARKS_PER_STATEMENT = 500;

/** Published marks of this process (see {@link publishedMarks}). */
export interface PublishedMarks {
  /** Marks `id` published; resolves once the statement that marked it committed. */
  mark(id: string): Promise<void>;
  /**
   * The mark of `id` this process has asked for and not yet committed (so this process has told
   * everyone of the message already), or undefined.
   */
  pending(id: string): Promise<void> | undefined;
}

/**
 * Marks messages published through `markAll`, many in one statement: while one runs, the ids that
 * come in gather for the next (at most {@link MARKS_PER_STATEMENT} each), so a busy chat costs a
 * write now and then rather than one per message (each a commit, on SQLite an fsync).
 */
export function publishedMarks(markAll: (ids: string[]) => Promise<void>): PublishedMarks {
  let gathering: { ids: string[]; done: Promise<void> } | undefined;
  let last: Promise<unknown> = Promise.resolve();
  const waiting = new Map<string, Promise<void>>();
  return {
    mark(id) {
      if (!gathering || gathering.ids.length >= MARKS_PER_STATEMENT) {
        const batch: { ids: string[]; done: Promise<void> } = { ids: [], done: Promise.resolve() };
        // One statement at a time; one that failed does not stop the next.
        batch.done = last
          .catch(() => undefined)
          .then(() => {
            if (gathering === batch) gathering = undefined;
            return markAll(batch.ids);
          })
          .finally(() => {
            for (const marked of batch.ids) waiting.delete(marked);
          });
        last = batch.done;
        gathering = batch;
      }
      gathering.ids.push(id);
      waiting.set(id, gathering.done);
      return gathering.done;
    },
    pending: (id) => waiting.get(id),
  };
}
