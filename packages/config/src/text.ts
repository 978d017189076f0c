/**
 * The one string piece every free-text setting is built from: a hard length cap, and no
 * characters that break storage or JSON round trips (PostgreSQL rejects NUL in text; a lone
 * UTF-16 surrogate turns into U+FFFD on its way through UTF-8, so the text would not come back
 * byte-identical). Nothing is trimmed: what the marketer typed is what is stored.
 */
import * as v from 'valibot';
import type { Named } from './named';

/**
 * A high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
 * No `u` flag (it would read pairs as code points) and no lookbehind (older Safari cannot parse
 * it, and this module ships in the widget bundle).
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether `s` holds a lone UTF-16 surrogate (what `String.prototype.isWellFormed` rejects). */
export function hasLoneSurrogate(s: string): boolean {
  return LONE_SURROGATE.test(s);
}

/* @__NO_SIDE_EFFECTS__ */
function textSchema(max: number) {
  return v.pipe(
    v.string('must be text'),
    v.check((s: string) => !s.includes('\0'), 'must not contain NUL characters'),
    v.check((s: string) => !hasLoneSurrogate(s), 'must not contain lone UTF-16 surrogates'),
    v.maxLength(max, `must be at most ${max} characters`),
  );
}

/* @__NO_SIDE_EFFECTS__ */
function requiredTextSchema(max: number) {
  return v.pipe(
    text(max),
    v.check((s: string) => s.trim() !== '', 'must not be empty'),
  );
}

/** The schema type of {@link text}, named (see named.ts). */
export interface TextSchema extends Named<ReturnType<typeof textSchema>> {}
/** The schema type of {@link requiredText}, named (see named.ts). */
export interface RequiredTextSchema extends Named<ReturnType<typeof requiredTextSchema>> {}

/**
 * Free text of at most `max` UTF-16 code units, with no NUL characters and no lone surrogates;
 * empty is allowed.
 */
/* @__NO_SIDE_EFFECTS__ */
export function text(max: number): TextSchema {
  return textSchema(max);
}

/** Like {@link text}, but with at least one visible character (a launcher needs a name). */
/* @__NO_SIDE_EFFECTS__ */
export function requiredText(max: number): RequiredTextSchema {
  return requiredTextSchema(max);
}

/** Like {@link text}, restricted to `pattern` (described by `what` in the issue message). */
/* @__NO_SIDE_EFFECTS__ */
export function token(max: number, pattern: RegExp, what: string) {
  return v.pipe(text(max), v.regex(pattern, `must be ${what}`));
}
