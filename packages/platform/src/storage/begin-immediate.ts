/**
 * Write transactions on SQLite shared by several processes. A plain (deferred) `begin` that reads
 * and then writes fails at once with SQLITE_BUSY_SNAPSHOT when another process wrote in between;
 * `begin immediate` takes the write lock up front instead. Waiting for that lock happens here, in
 * short asynchronous pauses, rather than in SQLite's busy handler, which would block the event loop
 * (and, with two connections in one process, could never see the other one finish).
 */
import { setTimeout as delay } from 'node:timers/promises';

/** How long a statement outside `beginImmediate` waits for a lock (SQLite's `busy_timeout`). */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000;

/**
 * Starts an immediate transaction with `execute` (which runs one SQL statement on the connection),
 * retrying while another connection holds the write lock, for at most `waitMs`.
 * @throws {Error} when the lock stays taken for longer than `waitMs`.
 */
export async function beginImmediate(
  execute: (statement: string) => Promise<unknown>,
  waitMs: number = SQLITE_BUSY_TIMEOUT_MS,
): Promise<void> {
  const deadline = Date.now() + waitMs;
  await execute('pragma busy_timeout = 0');
  try {
    for (let pause = 2; ; pause = Math.min(pause * 2, 100)) {
      try {
        await execute('begin immediate');
        return;
      } catch (error) {
        if (!isBusy(error)) throw error;
        if (Date.now() >= deadline) {
          throw new Error(
            `The SQLite database stayed locked by another connection for more than ${waitMs} ms`,
            { cause: error },
          );
        }
      }
      // Jitter, so that processes waiting for the same lock do not retry in step.
      await delay(pause * (0.5 + Math.random()));
    }
  } finally {
    await execute(`pragma busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}
