/** The languages of a widget: of its own texts (buttons, errors) and of the marketer's texts. */
import * as v from 'valibot';

/** "auto" follows the visitor's browser among the languages the widget offers (ru, en). */
export const LocaleSchema = v.picklist(['auto', 'ru', 'en'], 'must be "auto", "ru" or "en"');

/** The languages a widget speaks and a marketer writes its texts in. */
export const TEXT_LOCALES = ['ru', 'en'] as const;

/** A language a widget speaks. */
export type TextLocale = (typeof TEXT_LOCALES)[number];

/** One of {@link TEXT_LOCALES}. */
export const TextLocaleSchema = v.picklist(TEXT_LOCALES, 'must be "ru" or "en"');
