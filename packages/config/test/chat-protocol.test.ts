import { LeaveContactSchema } from '@frontdesk/config';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';

const issues = (input: unknown) =>
  (v.safeParse(LeaveContactSchema, input).issues ?? []).map((issue) => ({
    path: issue.path?.map((item) => item.key).join('.'),
    message: issue.message,
  }));

describe('LeaveContactSchema', () => {
  it('takes a phone as typed, or an e-mail, with a name and consent', () => {
    expect(issues({ name: 'Ivan', phone: '8 (916) 123-45-67', consent: true })).toEqual([]);
    expect(issues({ email: 'ivan@example.com' })).toEqual([]);
  });

  it('needs a phone or an e-mail, and says so at the phone', () => {
    expect(issues({ name: 'Ivan' })).toEqual([
      { path: 'phone', message: 'give a phone number or an e-mail address' },
    ]);
    expect(issues({ name: 'Ivan', phone: '   ' })).toHaveLength(1);
  });

  it('names a bad field', () => {
    expect(issues({ email: 'ivan@mailru' })[0]?.path).toBe('email');
    expect(issues({ phone: '1'.repeat(41) })[0]?.path).toBe('phone');
    expect(issues({ phone: '+79161234567', consent: 'yes' })[0]?.path).toBe('consent');
  });
});
