import {
  LeaveContactSchema,
  OperatorReadSchema,
  OperatorSyncSchema,
  ReadSchema,
  SyncSchema,
} from '@frontdesk/config';
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

describe('sequence numbers', () => {
  const schemas = [
    [SyncSchema, 'afterSeq', {}],
    [ReadSchema, 'upToSeq', {}],
    [OperatorSyncSchema, 'afterSeq', { conversationId: 'c-1' }],
    [OperatorReadSchema, 'upToSeq', { conversationId: 'c-1' }],
  ] as const;

  it.each(schemas)(
    '%#: takes 0 up to 2^31 - 1, the largest the platform stores',
    (schema, field, rest) => {
      for (const seq of [0, 1, 2 ** 31 - 1]) {
        expect(v.safeParse(schema, { ...rest, [field]: seq }).success).toBe(true);
      }
    },
  );

  it.each(schemas)('%#: refuses 2^31 and more, naming the field', (schema, field, rest) => {
    for (const seq of [2 ** 31, Number.MAX_SAFE_INTEGER, -1, 1.5]) {
      const issue = v.safeParse(schema, { ...rest, [field]: seq }).issues?.[0];
      expect(issue?.path?.map((item) => item.key)).toEqual([field]);
    }
    expect(v.safeParse(schema, { ...rest, [field]: 2 ** 31 }).issues?.[0]?.message).toBe(
      'must be at most 2147483647',
    );
  });
});
