/** The form's issues at a field, said in the Studio's words. */
import { issueText } from '@frontdesk/staff';
import { describe, expect, it } from 'vitest';
import { issuesAt } from '../src/form';
import { studioTexts } from '../src/i18n/studio-texts';

describe('issuesAt', () => {
  it('numbers a list’s line in the words given', () => {
    const issues = [{ path: 'allowedOrigins[1]', message: 'must be a URL' }];
    expect(issuesAt(issues, 'allowedOrigins')).toEqual(['item 2: must be a URL']);
    const russian = {
      message: (message: string) => issueText('ru', message),
      item: studioTexts.ru.issueItem,
    };
    expect(issuesAt(issues, 'allowedOrigins', russian)).toEqual([
      'строка 2: должно быть адресом (URL)',
    ]);
  });
});
