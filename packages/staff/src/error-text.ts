/**
 * What a failed call to the platform says to staff, in the app's language. The platform writes
 * its messages in English, for people: in English they are said as sent (a validation's "Give a
 * name." says more than any code could). In another language they would be English on the
 * screen, so the code is said from the catalogue (`errors.codes`); a refusal tied to a field says
 * the validation message in the language (issue-text.ts) or, when no rule knows it, asks to check
 * that field (the screen marks it); any other says what kind of failure it was by its
 * status (refused, the platform's own fault). No connection at all is said in every language.
 */
import { PlatformError } from '@frontdesk/core';
import type { Language } from './i18n/language';
import { useLanguage } from './i18n/language';
import { knownIssueText } from './issue-text';
import { staffTexts } from './staff-texts';

/** `error` (a {@link PlatformError}, a failed fetch, anything thrown) in `language`. */
export function errorText(language: Language, error: unknown): string {
  const t = staffTexts[language].errors;
  if (error instanceof PlatformError) {
    if (language === 'en' && error.message) return error.message;
    const codes: Record<string, string> = t.codes;
    if (Object.hasOwn(codes, error.code)) return codes[error.code] as string;
    if (error.code.endsWith('_not_found')) return t.codes.not_found;
    if (error.field) {
      // A field's refusal is a validation message: said in the language when a rule knows it.
      const issue = knownIssueText(language, error.message);
      return issue ? t.fieldSaid(issue) : t.field;
    }
    if (error.status >= 500) return t.server;
    if (error.status >= 400) return t.refused;
    return t.unknown;
  }
  // fetch rejects with a TypeError when the platform cannot be reached at all.
  if (error instanceof TypeError) return t.network;
  if (language === 'en' && error instanceof Error && error.message) return error.message;
  return t.unknown;
}

/** {@link errorText} in the language the app speaks now. */
export function useErrorText(): (error: unknown) => string {
  const { language } = useLanguage();
  return (error) => errorText(language, error);
}
