import { staffTexts } from '@frontdesk/staff';
import { describe, expect, it } from 'vitest';
import { keyDifference } from './support/catalogue-keys';

describe('the staff catalogue', () => {
  it('has every key in Russian that it has in English, and no other', () => {
    expect(keyDifference(staffTexts.en, staffTexts.ru)).toEqual({ missing: [], extra: [] });
  });
});

describe('keyDifference', () => {
  it('lists what a translation lacks and what it has beyond the source, nested ones by path', () => {
    const source = { a: 'A', group: { b: 'B', c: (n: number) => `${n}` }, list: ['x'] };
    const translation = { group: { c: () => '', d: 'D' }, list: [], e: 'E' };
    expect(keyDifference(source, translation)).toEqual({
      missing: ['a', 'group.b'],
      extra: ['e', 'group.d'],
    });
  });
});
