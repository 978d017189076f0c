/**
 * The Studio's message catalogue: English (texts-en.ts) is the source of its keys and Russian
 * (texts-ru.ts, in the source system's terms) must have exactly the same, or the build fails — a
 * key missing, misspelt or left over is a type error; a test also compares the two
 * (studio-texts.test.ts). Plurals go through `plural` (Intl.PluralRules), dates through `Intl`.
 */
import { useTexts } from '@frontdesk/staff';
import { studioTextsEn } from './texts-en';
import { studioTextsRu } from './texts-ru';

/** Every text of the Studio, in one language. */
export type StudioTexts = typeof studioTextsEn;

/** The catalogue: each language's texts. */
export const studioTexts = { en: studioTextsEn, ru: studioTextsRu } as const;

/** The Studio's texts in the language it speaks now. */
export function useStudioTexts(): StudioTexts {
  return useTexts(studioTexts);
}
