/** Types of `phone-metadata.mjs`, for the test that imports it. */

/** The countries whose numbers the widget validates. */
export const PHONE_COUNTRIES: readonly ['RU', 'BY', 'KZ', 'UZ'];

/** libphonenumber-js metadata, the parts this script reads and writes. */
export interface Metadata {
  version: number;
  country_calling_codes: Record<string, string[]>;
  countries: Record<string, unknown>;
}

/** `metadata` with only `countries` and their calling codes. */
export function pickMetadata(metadata: Metadata, countries: readonly string[]): Metadata;

/** The installed libphonenumber-js "min" metadata, cut to {@link PHONE_COUNTRIES}. */
export function widgetMetadata(): Metadata;

/** The TypeScript module `src/phone-metadata.ts`. */
export function renderModule(): string;
