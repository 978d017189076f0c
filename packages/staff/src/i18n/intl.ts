/**
 * Dates in a staff app's language, always through `Intl`. Numbers, plurals and the clock beside a
 * time zone are config's (`plural`, `formatNumber`, `clockLocale`), shared with the platform.
 */
import { formatLocale } from '@frontdesk/core';
import type { Language } from './language';

/**
 * The locale to write dates and times with in `language`: the browser's own variant of it ("en-US"
 * writes 2:30 PM, "en-GB" 14:30), else the language itself.
 */
export function dateLocale(language: Language): string {
  return formatLocale(language);
}
