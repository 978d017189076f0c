import { localizedText } from '@frontdesk/config';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';

describe('localizedText', () => {
  it('takes a text per language, each checked as text, other keys dropped', () => {
    const schema = localizedText(5);
    expect(v.parse(schema, { ru: 'Да', en: 'Yes', de: 'Ja' })).toEqual({ ru: 'Да', en: 'Yes' });
    expect(v.parse(schema, {})).toEqual({});
    const result = v.safeParse(schema, { ru: 'Да', en: 'Yes, sure' });
    expect(result.issues?.map((i) => [i.path?.map((p) => p.key).join('.'), i.message])).toEqual([
      ['en', 'must be at most 5 characters'],
    ]);
    expect(v.safeParse(schema, 'Да').success).toBe(false);
  });
});
