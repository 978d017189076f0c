/**
 * SIP line numbers: `line` + five digits, unique within an account forever — a released line stays
 * in `sip_lines`, so call history never points at two widgets.
 */
import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { StoreError } from '../storage/store-error';
import type { Tables } from '../storage/tables';

const FIRST = 10_000;
const LAST = 99_999;
const COUNT = LAST - FIRST + 1;
/**
 * Random picks before searching the free numbers instead; 20 misses in a row is unlikely until
 * nearly all numbers are taken.
 */
const RANDOM_ATTEMPTS = 20;

/** Five random digits for a line, 10000–99999, from the system's secure random source. */
export function randomLineDigits(): number {
  return randomInt(FIRST, LAST + 1);
}

/** The line name of five digits: `line12345`. */
export function lineName(digits: number): string {
  return `line${digits}`;
}

/**
 * A line name the account never had: random picks first; when they keep hitting taken numbers,
 * the next free number after the last pick (so a nearly full account still gets one at once).
 * Run it in the transaction that inserts the line; a concurrent insert of the same line fails on
 * the primary key, and the caller retries.
 * @throws {StoreError} `exhausted` when the account has had every number.
 * @throws {RangeError} when `randomDigits` returns something other than an integer 10000–99999.
 */
export async function allocateLine(
  db: Kysely<Tables>,
  accountId: string,
  randomDigits: () => number,
): Promise<string> {
  let pick = FIRST;
  for (let attempt = 0; attempt < RANDOM_ATTEMPTS; attempt++) {
    pick = randomDigits();
    if (!Number.isInteger(pick) || pick < FIRST || pick > LAST) {
      throw new RangeError(`randomDigits must return an integer ${FIRST}–${LAST}, not ${pick}`);
    }
    const taken = await db
      .selectFrom('sip_lines')
      .select('line')
      .where('account_id', '=', accountId)
      .where('line', '=', lineName(pick))
      .executeTakeFirst();
    if (!taken) return lineName(pick);
  }
  const rows = await db
    .selectFrom('sip_lines')
    .select('line')
    .where('account_id', '=', accountId)
    .execute();
  const taken = new Set(rows.map((row) => row.line));
  for (let step = 1; step <= COUNT; step++) {
    const name = lineName(FIRST + ((pick - FIRST + step) % COUNT));
    if (!taken.has(name)) return name;
  }
  throw new StoreError(
    'exhausted',
    'accountId',
    `account ${accountId} has used all ${COUNT} SIP line numbers, and lines are never reused`,
  );
}
