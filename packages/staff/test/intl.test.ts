import { browserLanguage, formatNumber, plural } from '@frontdesk/staff';
import { describe, expect, it } from 'vitest';

const chats = { one: '# чат', few: '# чата', many: '# чатов', other: '# чата' };

describe('browserLanguage', () => {
  it('takes the first of the browser’s languages the apps speak, else English', () => {
    expect(browserLanguage(['ru-RU', 'en'])).toBe('ru');
    expect(browserLanguage(['de-DE', 'en-US', 'ru'])).toBe('en');
    // Where Russian is the common second language, as the widgets read it.
    expect(browserLanguage(['kk-KZ'])).toBe('ru');
    expect(browserLanguage(['de', 'fr'])).toBe('en');
    expect(browserLanguage([])).toBe('en');
  });
});

describe('plural', () => {
  it('takes Russian forms by Intl’s rules: one, few, many, other', () => {
    expect([1, 2, 5, 11, 21, 22, 25, 111].map((n) => plural('ru', n, chats))).toEqual([
      '1 чат',
      '2 чата',
      '5 чатов',
      '11 чатов',
      '21 чат',
      '22 чата',
      '25 чатов',
      '111 чатов',
    ]);
    expect(plural('ru', 1.5, chats)).toBe('1,5 чата');
  });

  it('takes English forms, and falls back to "other" for a category not given', () => {
    const en = { one: '# chat', other: '# chats' };
    expect([0, 1, 2].map((n) => plural('en', n, en))).toEqual(['0 chats', '1 chat', '2 chats']);
    expect(plural('ru', 3, { other: '# шт.' })).toBe('3 шт.');
  });

  it('writes the number as the language does', () => {
    expect(plural('en', 12345, { other: '# chats' })).toBe('12,345 chats');
    expect(formatNumber('ru', 12345)).toBe('12\u00a0345');
  });
});
