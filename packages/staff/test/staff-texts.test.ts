import { staffTexts } from '@frontdesk/staff';
import { describe, expect, it } from 'vitest';
import { brokenTexts, keyDifference } from './support/catalogue-keys';

describe('the staff catalogue', () => {
  it('has every key in Russian that it has in English, and no other', () => {
    expect(keyDifference(staffTexts.en, staffTexts.ru)).toEqual({ missing: [], extra: [] });
  });

  it('has no empty text and no hole in either language', () => {
    expect(brokenTexts(staffTexts.en)).toEqual([]);
    expect(brokenTexts(staffTexts.ru)).toEqual([]);
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

describe('brokenTexts', () => {
  it('lists empty texts and texts with a hole, nested ones by path', () => {
    const texts = {
      fine: 'Fine',
      empty: ' ',
      group: {
        greet: (name: string, from: string) => `Hello ${name}${from ? ` from ${from}` : ''}`,
        count: (n: number) => `${n} chats`,
      },
    };
    expect(brokenTexts(texts)).toEqual(['empty']);
    expect(brokenTexts({ group: { hole: (a: string) => `${a} ${undefined}` } })).toEqual([
      'group.hole',
    ]);
    // A parameter not given must not leave the text empty.
    expect(brokenTexts({ bare: (name: string) => name })).toEqual(['bare']);
  });
});
