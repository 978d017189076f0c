/**
 * The language a staff app speaks: the user's profile language when they chose one, else their
 * browser's, else English — held in a context, so choosing another redraws every text at once.
 */
import type { TextLocale } from '@frontdesk/config';
import { pickLocale } from '@frontdesk/core';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/** A language the staff apps speak (the widgets' two). */
export type Language = TextLocale;

/** The languages the switcher offers, each named in itself. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  ru: 'Русский',
};

/** The first of the browser's languages the apps speak, else English. */
export function browserLanguage(
  languages: readonly string[] = navigator.languages ?? [],
): Language {
  // Not the page's `lang`: the app sets it itself, from this.
  return pickLocale(['en', 'ru'], '', languages);
}

/** The language an app speaks now, and how to speak another. */
export interface LanguageChoice {
  language: Language;
  /** Speaks `language` at once and saves it to the user's profile (rejects if that failed). */
  choose(language: Language): Promise<void>;
}

/**
 * The app's {@link LanguageChoice}. Without a provider (a screen tested alone) it is English and
 * choosing does nothing.
 */
export const LanguageContext = createContext<LanguageChoice>({
  language: 'en',
  choose: async () => undefined,
});

/** The language the app speaks now, and how to choose another. */
export function useLanguage(): LanguageChoice {
  return useContext(LanguageContext);
}

/** A catalogue's texts in the language the app speaks now. */
export function useTexts<T>(catalogue: Readonly<Record<Language, T>>): T {
  return catalogue[useLanguage().language];
}
