/** An enquiry's status in the staff app's language. */
import { describe, expect, it } from 'vitest';
import { statusText } from '../src/enquiry-status';

describe('statusText', () => {
  it('says a chat’s, an order’s and a call’s status in each language', () => {
    expect(['closed', 'done', 'no_answer'].map((s) => statusText('en', s))).toEqual([
      'closed',
      'done',
      'no answer',
    ]);
    expect(['closed', 'done', 'no_answer'].map((s) => statusText('ru', s))).toEqual([
      'закрыт',
      'выполнен',
      'без ответа',
    ]);
  });

  it('shows a status it does not know (a newer platform’s) as it came, not an inherited name', () => {
    expect(statusText('ru', 'parked')).toBe('parked');
    expect(statusText('en', 'toString')).toBe('toString');
  });
});
