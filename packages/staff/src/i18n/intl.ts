/**
 * Numbers, plurals and dates in a staff app's language, always through `Intl`: its plural rules
 * (Russian has one, few, many) and its ways of writing numbers and dates, never hand-made ones.
 */
import { formatLocale } from '@frontdesk/core';
import type { Language } from './language';

/** A text for each plural category of a language; `#` stands for the number. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** `count` with the words its plural category takes in `language`: "1 chat", "5 чатов". */
export function plural(language: Language, count: number, forms: PluralForms): string {
  const form = forms[new Intl.PluralRules(language).select(count)] ?? forms.other;
  return form.replace('#', formatNumber(language, count));
}

/** `count` as `language` writes numbers ("1,234", "1 234"). */
export function formatNumber(language: Language, count: number): string {
  return new Intl.NumberFormat(language).format(count);
}

/**
 * The locale to write dates and times with in `language`: the browser's own variant of it ("en-US"
 * writes 2:30 PM, "en-GB" 14:30), else the language itself.
 */
export function dateLocale(language: Language): string {
  return formatLocale(language);
}

/**
 * A locale of `language` that writes every clock alike (24-hour, the day before the month), for
 * times shown beside a time zone, where two ways of writing them side by side would confuse.
 */
export function clockLocale(language: Language): string {
  return language === 'en' ? 'en-GB' : language;
}
