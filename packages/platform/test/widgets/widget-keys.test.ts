import { describe, expect, it } from 'vitest';
import { randomWidgetKey } from '../../src/widgets/widget-keys';

describe('randomWidgetKey', () => {
  it('is `w` and 11 URL-safe base32 characters', () => {
    for (let i = 0; i < 200; i++) expect(randomWidgetKey()).toMatch(/^w[a-z2-7]{11}$/);
  });

  it('uses the whole alphabet and repeats no key', () => {
    const keys = Array.from({ length: 2000 }, randomWidgetKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(keys.join('')).size).toBe(32);
  });
});
