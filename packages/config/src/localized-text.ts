/**
 * A text a marketer writes (a title, a button text, an auto-reply…): one value per language the
 * widget speaks, `{ "ru": "…", "en": "…" }`. A language without a value (or with an empty one)
 * lacks the text; the widget's main language must have every required one (see languages.ts),
 * and a visitor is shown a language only when it lacks none of the texts the main language has.
 */
import * as v from 'valibot';
import type { Named } from './named';
import { text } from './text';

/** A marketer's text in each language it is written in. */
export interface LocalizedText {
  ru?: string | undefined;
  en?: string | undefined;
}

/** What the walk of localized texts (map-texts.ts) reads off a localized-text schema (`text`). */
export interface TextMark {
  /** A required text (a title, a button's name) must not be empty in the main language. */
  text: 'required' | 'optional';
}

/* @__NO_SIDE_EFFECTS__ */
function localizedTextSchema(max: number, required: boolean) {
  const mark: TextMark = { text: required ? 'required' : 'optional' };
  // The mark is a property of the schema itself, not valibot's metadata action: the widgets'
  // opened parts parse these schemas, and the action would cost each of them its code.
  return Object.assign(
    v.object(
      { ru: v.optional(text(max)), en: v.optional(text(max)) },
      'must be a text per language, like {"ru": "…", "en": "…"}',
    ),
    mark,
  );
}

/** The schema type of {@link localizedText}, named (see named.ts). */
export interface LocalizedTextSchema extends Named<ReturnType<typeof localizedTextSchema>> {}

/**
 * A text per language, each of at most `max` UTF-16 code units (see {@link text}); `required`:
 * the main language's value must have a visible character (checked by `parseSettings`, which
 * knows the main language).
 */
/* @__NO_SIDE_EFFECTS__ */
export function localizedText(max: number, opts: { required?: boolean } = {}): LocalizedTextSchema {
  return localizedTextSchema(max, opts.required === true);
}
