/**
 * The console's message catalogue: English (texts-en.ts) is the source of its keys and Russian
 * (texts-ru.ts) must have exactly the same, or the build fails — a key missing, misspelt or left
 * over is a type error; a test also compares the two (console-texts.test.ts). Plurals go through
 * `plural` (Intl.PluralRules), dates through `Intl.DateTimeFormat` in the chosen language.
 */
import { useTexts } from '@frontdesk/staff';
import { consoleTextsEn } from './texts-en';
import { consoleTextsRu } from './texts-ru';

/** Every text of the console, in one language. */
export type ConsoleTexts = typeof consoleTextsEn;

/** The catalogue: each language's texts. */
export const consoleTexts = { en: consoleTextsEn, ru: consoleTextsRu } as const;

/** The console's texts in the language it speaks now. */
export function useConsoleTexts(): ConsoleTexts {
  return useTexts(consoleTexts);
}
