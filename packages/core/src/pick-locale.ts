/**
 * The language a widget speaks to a visitor: one of those its config offers (its main one
 * first), the visitor's if it is among them, else the main one — for all of the widget's texts,
 * its own and the marketer's, so a widget never mixes languages.
 */

/** The languages the widgets speak. */
export type Locale = 'ru' | 'en';

// Where Russian is the common second language, a page in Belarusian, Kazakh, Kyrgyz, Tajik or
// Uzbek reads better with Russian widget texts than with English ones.
const RUSSIAN = new Set(['ru', 'be', 'kk', 'ky', 'tg', 'uz']);

/**
 * The first of `<html lang>` and the browser's `languages` that names a language of `offered`
 * (the config's `languages`: the main one first); the main one when none does.
 */
export function pickLocale(
  offered: readonly Locale[],
  pageLang: string = document.documentElement.lang,
  languages: readonly string[] = navigator.languages ?? [],
): Locale {
  for (const tag of [pageLang, ...languages]) {
    const primary = tag?.toLowerCase().split('-')[0] ?? '';
    const locale = primary === 'en' ? 'en' : RUSSIAN.has(primary) ? 'ru' : undefined;
    if (locale && offered.includes(locale)) return locale;
  }
  return offered[0] ?? 'ru';
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
