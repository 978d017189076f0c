/**
 * The message catalogue of the shared staff parts: English (texts-en.ts) is the source of its
 * keys and Russian (texts-ru.ts) must have exactly the same, or the build fails — a key missing,
 * misspelt or left over is a type error; a test also compares the two (staff-texts.test.ts).
 */
import { staffTextsEn } from './texts-en';
import { staffTextsRu } from './texts-ru';

/** Every text of the shared staff parts, in one language. */
export type StaffTexts = typeof staffTextsEn;

/** The catalogue: each language's texts. */
export const staffTexts = { en: staffTextsEn, ru: staffTextsRu } as const;
