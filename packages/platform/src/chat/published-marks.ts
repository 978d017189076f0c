/** The most messages one UPDATE marks published. */
export const MARKS_PER_STATEMENT = 500;

/**
 * Marks messages published through `markAll`, many in one statement: while one runs, the ids that
 * come in gather for the next (at most {@link MARKS_PER_STATEMENT} each), so a busy chat costs a
 * write now and then rather than one per message (each a commit, on SQLite an fsync).
 * @returns `mark(id)`, resolving once the statement that marked `id` committed.
 */
export function publishedMarks(
  markAll: (ids: string[]) => Promise<void>,
): (id: string) => Promise<void> {
  let gathering: { ids: string[]; done: Promise<void> } | undefined;
  let last: Promise<unknown> = Promise.resolve();
  return (id) => {
    if (!gathering || gathering.ids.length >= MARKS_PER_STATEMENT) {
      const batch: { ids: string[]; done: Promise<void> } = { ids: [], done: Promise.resolve() };
      // One statement at a time; one that failed does not stop the next.
      batch.done = last
        .catch(() => undefined)
        .then(() => {
          if (gathering === batch) gathering = undefined;
          return markAll(batch.ids);
        });
      last = batch.done;
      gathering = batch;
    }
    gathering.ids.push(id);
    return gathering.done;
  };
}
