/**
 * Whether an automatic callback's visitor number can be dialled at all: the account's trunks
 * each have an allow-list of countries (and dial only real phones), so a number none of them
 * takes would only fail at the order's time. It is refused when the visitor orders instead.
 */
import { dialRefusal } from '../calls';
import type { Store } from '../storage/store';

/** The visitor-facing reason a number is refused, by the trunks' refusal. */
const MESSAGES = {
  not_a_number: 'This is not a valid phone number.',
  not_a_phone: 'We cannot call this kind of number.',
  country_not_allowed: 'We cannot call numbers in this country.',
} as const;

/**
 * Why the account's trunks cannot dial `e164` (a message for the visitor), or undefined when one
 * of them can — or when the account has no trunk: then an automatic order is served by the
 * console card as before, and its operator dials from wherever they are.
 */
export async function unreachable(
  store: Store,
  accountId: string,
  e164: string,
): Promise<string | undefined> {
  const trunks = await store.trunks.list(accountId);
  if (trunks.length === 0) return undefined;
  const refusals = trunks.map((trunk) => dialRefusal(e164, trunk.destinations));
  if (refusals.includes(undefined)) return undefined;
  // The number itself is judged before the countries: when every trunk refuses, all say the same.
  const [refusal] = refusals;
  return refusal && MESSAGES[refusal];
}
