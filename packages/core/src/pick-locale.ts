/** The language of a widget's own texts: the config's, else the page's, else the browser's. */

/** The languages the widgets speak. */
export type Locale = 'ru' | 'en';

// Where Russian is the common second language, a page in Belarusian, Kazakh, Kyrgyz, Tajik or
// Uzbek reads better with Russian widget texts than with English ones.
const RUSSIAN = new Set(['ru', 'be', 'kk', 'ky', 'tg', 'uz']);

/**
 * The locale of `setting` ("ru", "en" or "auto"); for "auto" the first of `<html lang>` and the
 * browser's `languages` that the widgets speak; English when none does.
 */
export function pickLocale(
  setting: string,
  pageLang: string = document.documentElement.lang,
  languages: readonly string[] = navigator.languages ?? [],
): Locale {
  for (const tag of [setting, pageLang, ...languages]) {
    const primary = tag?.toLowerCase().split('-')[0] ?? '';
    if (primary === 'en') return 'en';
    if (RUSSIAN.has(primary)) return 'ru';
  }
  return 'en';
}

/**
 * The locale to format dates and times with: the visitor's own variant of `locale` when the
 * browser names one ("en-GB" writes 14:30 and 4 March, "en-US" 2:30 PM and March 4), else
 * `locale` itself.
 */
export function formatLocale(
  locale: Locale,
  languages: readonly string[] = navigator.languages ?? [],
): string {
  return languages.find((tag) => tag.toLowerCase().split('-')[0] === locale) ?? locale;
}
