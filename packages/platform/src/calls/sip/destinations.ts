/**
 * Where a trunk may call: the numbers of its countries that are phones (fixed, mobile, toll-free,
 * VoIP), never premium-rate, shared-cost or anything libphonenumber cannot place — and never a
 * short number, which is not a valid E.164 number at all. The platform checks every number before
 * Kamailio may dial it; nothing a browser sends names a number (toll fraud).
 */
import {
  getCountries,
  getCountryCallingCode,
  type NumberType,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/max';

/** Every country calling code libphonenumber knows (`7`, `375`, `1`, …). */
export const CALLING_CODES: ReadonlySet<string> = new Set(
  getCountries().map((country) => getCountryCallingCode(country)),
);

/** The kinds of number a call may go to. */
const PHONES: ReadonlySet<NumberType> = new Set<NumberType>([
  'FIXED_LINE',
  'MOBILE',
  'FIXED_LINE_OR_MOBILE',
  'TOLL_FREE',
  'VOIP',
]);

/** Why a number may not be dialled through a trunk, or undefined when it may. */
export type Refusal = 'not_a_number' | 'not_a_phone' | 'country_not_allowed';

/** Whether a trunk whose allow-list is `destinations` (calling codes) may dial `e164`. */
export function refusal(e164: string, destinations: readonly string[]): Refusal | undefined {
  const phone = parsePhoneNumberFromString(e164);
  if (!phone?.isValid() || phone.number !== e164) return 'not_a_number';
  if (!PHONES.has(phone.getType() as NumberType)) return 'not_a_phone';
  if (!destinations.includes(phone.countryCallingCode)) return 'country_not_allowed';
  return undefined;
}
