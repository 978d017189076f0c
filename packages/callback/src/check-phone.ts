/**
 * Phone validation as the visitor types, with libphonenumber-js and the metadata of the
 * widget's countries. A number in international format of another country (`+49 …`) is
 * accepted by its shape alone: the platform validates it with the full metadata.
 */
import { parsePhoneNumberFromString, validatePhoneNumberLength } from 'libphonenumber-js/core';
import { PHONE_COUNTRIES, phoneMetadata } from './phone-metadata';

/** A country of the phone input. */
export type PhoneCountry = (typeof PHONE_COUNTRIES)[number];

/** What the visitor's input is so far. */
export type PhoneCheck =
  | { kind: 'empty' }
  /** Could still become a valid number. */
  | { kind: 'incomplete' }
  | { kind: 'invalid' }
  /** `e164`: the number as the platform takes it, `+79161234567`. */
  | { kind: 'valid'; e164: string };

const KNOWN_CODES = Object.keys(phoneMetadata.country_calling_codes);

/** Reads `text` as a number of `country` (or of the country its `+code` names). */
export function checkPhone(text: string, country: PhoneCountry): PhoneCheck {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  const digits = trimmed.replace(/\D/g, '');
  if (/[^\d\s()+.-]/.test(trimmed) || trimmed.lastIndexOf('+') > 0) return { kind: 'invalid' };
  if (trimmed.startsWith('+') && !KNOWN_CODES.some((code) => digits.startsWith(code))) {
    // E.164: a country code and up to 15 digits in all; 8 is the shortest real numbers get.
    if (digits.length > 15) return { kind: 'invalid' };
    return digits.length < 8 ? { kind: 'incomplete' } : { kind: 'valid', e164: `+${digits}` };
  }
  const length = validatePhoneNumberLength(trimmed, country, phoneMetadata);
  if (length === 'TOO_SHORT') return { kind: 'incomplete' };
  if (length !== undefined) return { kind: 'invalid' };
  const number = parsePhoneNumberFromString(trimmed, country, phoneMetadata);
  return number?.isValid() ? { kind: 'valid', e164: number.number } : { kind: 'invalid' };
}

/** Whether `value` is one of the phone input's countries. */
export function isPhoneCountry(value: string): value is PhoneCountry {
  return (PHONE_COUNTRIES as readonly string[]).includes(value);
}

/** The calling code of `country`, "+7". */
export function callingCode(country: PhoneCountry): string {
  return `+${phoneMetadata.countries[country]?.[0] ?? ''}`;
}

export { PHONE_COUNTRIES };
