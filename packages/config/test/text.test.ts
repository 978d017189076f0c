import { requiredText, text } from '@frontdesk/config';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';

/** The messages of `schema`'s issues for `input` (empty when valid). */
function messages(schema: v.GenericSchema, input: unknown): string[] {
  const result = v.safeParse(schema, input);
  return result.success ? [] : result.issues.map((i) => i.message);
}

describe('text', () => {
  it('accepts any well-formed text up to the limit, untouched', () => {
    for (const s of [
      '',
      '  padded  ',
      '😀👩‍👩‍👧‍👦',
      'مرحبا',
      '<script>alert(1)</script>',
      'a\nb\tc',
    ]) {
      expect(v.parse(text(100), s)).toBe(s);
    }
    expect(v.parse(text(4), '😀😀')).toBe('😀😀');
  });

  it('counts UTF-16 code units against the limit', () => {
    expect(messages(text(3), '😀😀')).toEqual(['must be at most 3 characters']);
    expect(messages(text(3), 'abcd')).toEqual(['must be at most 3 characters']);
  });

  it('rejects NUL characters', () => {
    expect(messages(text(100), 'a\0b')).toEqual(['must not contain NUL characters']);
    expect(messages(text(100), '\0')).toEqual(['must not contain NUL characters']);
  });

  it.each([
    ['a lone high surrogate', 'a\uD83Db'],
    ['a high surrogate at the end', 'ab\uD83D'],
    ['a lone low surrogate', 'a\uDE00b'],
    ['a low surrogate at the start', '\uDE00ab'],
    ['a reversed pair', '\uDE00\uD83D'],
    ['two highs then a low', '\uD83D\uD83D\uDE00'],
    ['a pair then a low', '\uD83D\uDE00\uDE00'],
  ])('rejects %s', (_, s) => {
    expect(messages(text(100), s)).toEqual(['must not contain lone UTF-16 surrogates']);
  });

  it('rejects what is not a string', () => {
    for (const input of [1, null, undefined, {}, ['a'], true]) {
      expect(messages(text(10), input)).toEqual(['must be text']);
    }
  });
});

describe('requiredText', () => {
  it('needs a visible character, and keeps the spaces it is given', () => {
    expect(messages(requiredText(10), '')).toEqual(['must not be empty']);
    expect(messages(requiredText(10), ' \n\t ')).toEqual(['must not be empty']);
    expect(v.parse(requiredText(10), ' Call ')).toBe(' Call ');
  });

  it('keeps the text rules', () => {
    expect(messages(requiredText(10), 'a\0')).toEqual(['must not contain NUL characters']);
  });
});
