import type { Country } from '@frontdesk/schedule';
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** A visitor's number, checked. */
export interface ParsedPhone {
  /** "+79991234567". */
  e164: string;
  /** The number's country, when it has one (non-geographic numbers have none). */
  country: CountryCode | undefined;
}

/**
 * The visitor's number read with the full metadata (valid ranges, not just lengths): an
 * international number as written, a national one (`8 (999) 123-45-67`) in the widget's country.
 * The whole text must be the number: nothing is extracted from surrounding words.
 * @returns undefined when it is not a valid number.
 */
export function parsePhone(input: string, country: Country): ParsedPhone | undefined {
  const phone = parsePhoneNumberFromString(input, {
    defaultCountry: country.toUpperCase() as CountryCode,
    extract: false,
  });
  if (!phone?.isValid()) return undefined;
  return { e164: phone.number, country: phone.country };
}
