/**
 * What makes two contacts one: a phone in E.164 (libphonenumber-js, as the widgets use) and an
 * e-mail lower-cased; and the forms a search compares: a name lower-cased for Russian too, a
 * phone's digits.
 */
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** A phone in E.164, read in `country` when national; undefined when it is no valid number. */
export function e164(input: string, country = 'RU'): string | undefined {
  const phone = parsePhoneNumberFromString(input, {
    defaultCountry: country.toUpperCase() as CountryCode,
    extract: false,
  });
  return phone?.isValid() ? phone.number : undefined;
}

/** An e-mail as the address book keys it. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * A name as a search compares it: lower-cased with Russian rules on the platform's side, since
 * SQLite's `lower()` and `LIKE` fold ASCII only.
 */
export function searchForm(text: string): string {
  return text.trim().toLocaleLowerCase('ru');
}

/** The digits of a phone (or of what someone typed to find one). */
export function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}
