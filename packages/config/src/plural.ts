/**
 * Counted words in a language the product speaks, through `Intl.PluralRules` (Russian has one,
 * few and many forms) and `Intl.NumberFormat` — never hand-made rules: the staff apps and the
 * platform's e-mails both count with it.
 */
import type { TextLocale } from './locale';

/** A text for each plural category of a language; `#` stands for the number. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** `count` with the words its plural category takes in `language`: "1 chat", "5 чатов". */
export function plural(language: TextLocale, count: number, forms: PluralForms): string {
  const form = forms[new Intl.PluralRules(language).select(count)] ?? forms.other;
  return form.replace('#', formatNumber(language, count));
}

/** `count` as `language` writes numbers ("1,234", "1 234"). */
export function formatNumber(language: TextLocale, count: number): string {
  return new Intl.NumberFormat(language).format(count);
}
