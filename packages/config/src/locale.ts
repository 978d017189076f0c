/** The language of a widget's own texts (buttons, errors); the configured texts are as typed. */
import * as v from 'valibot';

/** "auto" follows the visitor's browser among the languages the widgets speak (ru, en). */
export const LocaleSchema = v.picklist(['auto', 'ru', 'en'], 'must be "auto", "ru" or "en"');
