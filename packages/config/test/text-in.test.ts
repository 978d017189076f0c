import { textIn } from '@frontdesk/config';
import { describe, expect, it } from 'vitest';

describe('textIn', () => {
  it('gives the text of one language, or nothing', () => {
    expect(textIn({ ru: 'Да', en: 'Yes' }, 'en')).toBe('Yes');
    expect(textIn({ ru: 'Да' }, 'en')).toBe('');
    expect(textIn(undefined, 'ru')).toBe('');
  });
});
