/**
 * The phone input's countries: those of the phone metadata at hand — the widget's own four at
 * first, every country libphonenumber-js knows once its list is opened (all-phone-metadata.ts,
 * a chunk of its own) — named in the visitor's language by `Intl.DisplayNames` and sorted by
 * those names; and the visitor's own country, the input's default, from the browser language.
 */
import type { CountryCode, MetadataJson } from 'libphonenumber-js/core';
import { phoneMetadata } from './phone-metadata';

/** A country of the phone input. */
export type PhoneCountry = CountryCode;

/** Whether `value` is a country of `metadata`. */
export function isPhoneCountry(
  value: string,
  metadata: MetadataJson = phoneMetadata,
): value is PhoneCountry {
  return Object.hasOwn(metadata.countries, value);
}

/** A country as the list offers it. */
export interface CountryOption {
  code: CountryCode;
  /** "Russia", "Россия". */
  name: string;
  /** "+7". */
  callingCode: string;
}

/** The countries of `metadata`, named in `locale` and sorted by name. */
export function countryOptions(metadata: MetadataJson, locale: string): CountryOption[] {
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  const order = new Intl.Collator(locale);
  return Object.entries(metadata.countries)
    .map(([code, country]) => ({
      code: code as CountryCode,
      name: names.of(code) ?? code,
      callingCode: `+${(country as [string])[0]}`,
    }))
    .sort((a, b) => order.compare(a.name, b.name));
}

/**
 * The country of the visitor's first browser language (a well-formed tag, as browsers give
 * them), by its region or its likely one ("en-GB" → GB, "ru" → RU, "en" → US); undefined when
 * there is none.
 */
export function visitorRegion(
  languages: readonly string[] = navigator.languages,
): string | undefined {
  return languages[0] ? new Intl.Locale(languages[0]).maximize().region : undefined;
}
