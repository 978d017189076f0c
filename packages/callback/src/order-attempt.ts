/**
 * One attempt at sending the callback form, as plain data: the order's body and the idempotency
 * key it goes under. A repeat of the last order (after a lost answer, or offline) keeps its key,
 * so the platform stores it once; any other order gets a fresh one.
 */
import type { CallbackRequest } from './submit-callback';

/** An order sent, as its body, under its idempotency key. */
export interface OrderAttempt {
  body: string;
  key: string;
}

/** The attempt at sending `request` after `last`; `newKey` makes a fresh key. */
export function orderAttempt(
  request: CallbackRequest,
  last: OrderAttempt | undefined,
  newKey: () => string,
): OrderAttempt {
  const body = JSON.stringify(request);
  return { body, key: last?.body === body ? last.key : newKey() };
}
