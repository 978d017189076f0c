// @vitest-environment jsdom
/** A file's size as the operator reads it, in the console's language. */
import { describe, expect, it } from 'vitest';
import { sizeText } from '../src/attachment-view';

describe('sizeText', () => {
  it.each([
    ['ru', 1.5 * 1024 * 1024, '1,5 МБ'],
    ['ru', 12 * 1024, '12 кБ'],
    ['ru', 800, '800 Б'],
    ['en', 1.5 * 1024 * 1024, '1.5 MB'],
    ['en', 12 * 1024, '12 kB'],
    ['ru', undefined, '?'],
  ] as const)('%s, %s bytes: %s', (language, bytes, text) => {
    expect(sizeText(language, bytes).replace(/\s/g, ' ')).toBe(text);
  });
});
