import { formatLocale, pickLocale } from '@frontdesk/core';
import { describe, expect, it } from 'vitest';

describe('pickLocale', () => {
  it('speaks the one language a widget offers, whatever the page and browser', () => {
    expect(pickLocale(['ru'], 'en', ['en-US'])).toBe('ru');
    expect(pickLocale(['en'], 'ru', ['ru-RU'])).toBe('en');
  });

  it('takes the page language first, then the browser’s, among those offered', () => {
    const both = ['ru', 'en'] as const;
    expect(pickLocale(both, 'ru-RU', ['en-US'])).toBe('ru');
    expect(pickLocale(both, 'en', ['ru-RU'])).toBe('en');
    expect(pickLocale(both, '', ['de-DE', 'en-GB', 'ru'])).toBe('en');
    expect(pickLocale(both, 'de', ['ru-RU'])).toBe('ru');
  });

  it('falls back to the main language, not to English, for a language not offered', () => {
    expect(pickLocale(['ru', 'en'], '', ['fr-FR'])).toBe('ru');
    expect(pickLocale(['en', 'ru'], 'de', [])).toBe('en');
    // An English visitor of a widget whose English lacks a text gets the main language.
    expect(pickLocale(['ru'], 'en-GB', ['en-GB'])).toBe('ru');
  });

  it('speaks Russian to pages in the languages of the calendar countries', () => {
    expect(pickLocale(['en', 'ru'], 'kk-KZ', [])).toBe('ru');
    expect(pickLocale(['en', 'ru'], 'be', [])).toBe('ru');
    expect(pickLocale(['en', 'ru'], 'uz-Latn-UZ', [])).toBe('ru');
  });
});

describe('formatLocale', () => {
  it('formats in the visitor’s own variant of the widget language', () => {
    expect(formatLocale('en', ['de-DE', 'en-GB', 'en-US'])).toBe('en-GB');
    expect(formatLocale('ru', ['ru-RU'])).toBe('ru-RU');
    expect(formatLocale('ru', ['en-US'])).toBe('ru');
  });
});
