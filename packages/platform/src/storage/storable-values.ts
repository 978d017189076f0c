/**
 * Checks for values the two engines would not keep alike: PostgreSQL rejects NUL in text while
 * SQLite keeps it; both turn a lone UTF-16 surrogate into U+FFFD; PostgreSQL rejects a fraction in
 * BIGINT while SQLite keeps it. Refusing them up front keeps "what you store is what you get" true
 * on both. (Settings are stored as JSON text, which escapes all of these, so they need no check.)
 */
import { StoreError } from './store-error';

// A NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const UNSTORABLE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Checks that `value` holds no NUL and no lone surrogate.
 * @throws {StoreError} `invalid`, naming `field`.
 */
export function assertStorableText(field: string, value: string): void {
  const found = UNSTORABLE.exec(value);
  if (found) {
    const what = found[0] === '\0' ? 'a NUL character' : 'a lone UTF-16 surrogate';
    throw new StoreError('invalid', field, `contains ${what} at index ${found.index}`);
  }
}

/**
 * Checks that `value` is a time the store can keep: a safe integer (epoch milliseconds).
 * @throws {StoreError} `invalid`, naming `field`.
 */
export function assertStorableTime(field: string, value: number): void {
  if (!Number.isSafeInteger(value)) {
    throw new StoreError('invalid', field, `must be a whole number of milliseconds, not ${value}`);
  }
}
