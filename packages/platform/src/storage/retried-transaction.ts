/**
 * Transactions that PostgreSQL may abort to let another one go on: a deadlock it broke (40P01) or
 * a serialization failure (40001). Nothing of the aborted one was kept, so running it again is
 * safe, and a person must never see such an abort as a failed message. SQLite never aborts this
 * way (its write transactions never overlap), so there the first attempt is the only one.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { Kysely, Transaction } from 'kysely';
import type { Tables } from './tables';

/** How many times a transaction runs before its abort is reported. */
export const TRANSACTION_ATTEMPTS = 4;

/** SQLSTATEs of a transaction PostgreSQL aborted for another's sake. */
const RETRYABLE = new Set(['40P01', '40001']);

/**
 * Runs `work` in a transaction, again (after a short random pause, so the two rivals do not meet
 * again in step) when PostgreSQL aborted it as a deadlock victim or a serialization failure; each
 * retry is logged, since it means two writers took their locks in different orders.
 * @throws the last error, when it is another one or the attempts ran out.
 */
export async function retriedTransaction<T>(
  db: Kysely<Tables>,
  work: (trx: Transaction<Tables>) => Promise<T>,
  attempts: number = TRANSACTION_ATTEMPTS,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      const code = sqlState(error);
      if (attempt >= attempts || code === undefined || !RETRYABLE.has(code)) throw error;
      console.warn(
        `storage: a transaction was aborted (${code}), attempt ${attempt} of ${attempts}; running it again`,
      );
      await delay(attempt * 10 * Math.random());
    }
  }
}

function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
