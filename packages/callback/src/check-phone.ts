/**
 * Phone validation as the visitor types, with libphonenumber-js and the metadata at hand: the
 * widget's own countries (phone-metadata.ts) until the full list is loaded. A number in
 * international format of a country the metadata lacks (`+49 …`) is accepted by its shape alone:
 * the platform validates it with the full metadata. libphonenumber-js is most of the opened
 * form's weight: the phone field loads this module (a chunk of its own) only once the visitor
 * enters a number (see phone-field.tsx).
 */
import {
  type MetadataJson,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
} from 'libphonenumber-js/core';
import type { PhoneCountry } from './phone-countries';
import { phoneMetadata } from './phone-metadata';

/** What the visitor's input is so far. */
export type PhoneCheck =
  | { kind: 'empty' }
  /** Could still become a valid number. */
  | { kind: 'incomplete' }
  | { kind: 'invalid' }
  /** `e164`: the number as the platform takes it, `+79161234567`. */
  | { kind: 'valid'; e164: string };

/** What {@link checkPhone} is, for the field that loads it. */
export type CheckPhone = typeof checkPhone;

/** Reads `text` as a number of `country` (or of the country its `+code` names). */
export function checkPhone(
  text: string,
  country: PhoneCountry,
  metadata: MetadataJson = phoneMetadata,
): PhoneCheck {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  const digits = trimmed.replace(/\D/g, '');
  if (/[^\d\s()+.-]/.test(trimmed) || trimmed.lastIndexOf('+') > 0) return { kind: 'invalid' };
  const known = Object.keys(metadata.country_calling_codes);
  if (trimmed.startsWith('+') && !known.some((code) => digits.startsWith(code))) {
    // E.164: a country code and up to 15 digits in all; 8 is the shortest real numbers get.
    if (digits.length > 15) return { kind: 'invalid' };
    return digits.length < 8 ? { kind: 'incomplete' } : { kind: 'valid', e164: `+${digits}` };
  }
  const length = validatePhoneNumberLength(trimmed, country, metadata);
  if (length === 'TOO_SHORT') return { kind: 'incomplete' };
  if (length !== undefined) return { kind: 'invalid' };
  const number = parsePhoneNumberFromString(trimmed, country, metadata);
  return number?.isValid() ? { kind: 'valid', e164: number.number } : { kind: 'invalid' };
}
