import { defaultSettings, NOBODY_TEXTS, type WidgetType } from '@frontdesk/config';
import { describe, expect, it } from 'vitest';

const TYPES: WidgetType[] = ['call', 'callback', 'chat'];

/** Words that promise an answer or a call now. */
const PROMISES = [
  /онлайн/i,
  /30 секунд/i,
  /нескольких минут/i,
  /online!/i,
  /30 seconds/i,
  /minutes/i,
];

describe('the built-in "nobody available" texts', () => {
  it.each(TYPES)('are what a new %s widget starts with', (type) => {
    expect(defaultSettings(type).appearance.nobody).toEqual(NOBODY_TEXTS[type]);
  });

  it.each(TYPES)('promise no immediate answer or call for %s, in both languages', (type) => {
    for (const language of ['ru', 'en'] as const) {
      const words = Object.values(NOBODY_TEXTS[type])
        .map((text) => text[language])
        .join(' ');
      for (const promise of PROMISES) expect(words).not.toMatch(promise);
    }
  });

  it('are unlike the working texts whose promise they replace', () => {
    expect(defaultSettings('chat').appearance.working.buttonText.ru).toMatch(/онлайн/);
    expect(defaultSettings('callback').appearance.working.title.ru).toMatch(/30 секунд/);
  });
});
