import { formatLocale, pickLocale } from '@frontdesk/core';
import { describe, expect, it } from 'vitest';

describe('pickLocale', () => {
  it('follows the config when it names a language', () => {
    expect(pickLocale('ru', 'en', ['en-US'])).toBe('ru');
    expect(pickLocale('en', 'ru', ['ru-RU'])).toBe('en');
  });

  it('"auto": the page language first, then the browser, then English', () => {
    expect(pickLocale('auto', 'ru-RU', ['en-US'])).toBe('ru');
    expect(pickLocale('auto', '', ['de-DE', 'en-GB', 'ru'])).toBe('en');
    expect(pickLocale('auto', 'de', ['ru-RU'])).toBe('ru');
    expect(pickLocale('auto', '', ['fr-FR'])).toBe('en');
  });

  it('speaks Russian to pages in the languages of the calendar countries', () => {
    expect(pickLocale('auto', 'kk-KZ', [])).toBe('ru');
    expect(pickLocale('auto', 'be', [])).toBe('ru');
    expect(pickLocale('auto', 'uz-Latn-UZ', [])).toBe('ru');
  });
});

describe('formatLocale', () => {
  it('formats in the visitor’s own variant of the widget language', () => {
    expect(formatLocale('en', ['de-DE', 'en-GB', 'en-US'])).toBe('en-GB');
    expect(formatLocale('ru', ['ru-RU'])).toBe('ru-RU');
    expect(formatLocale('ru', ['en-US'])).toBe('ru');
  });
});
