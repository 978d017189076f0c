import { visitorOf } from '@frontdesk/core';
import { describe, expect, it } from 'vitest';

describe('visitorOf', () => {
  it('keeps only a string name and a string phone', () => {
    expect(visitorOf({ name: 'Anna', phone: '+79161234567', email: 'a@b.c' })).toEqual({
      name: 'Anna',
      phone: '+79161234567',
    });
    expect(visitorOf({ name: 42, phone: null })).toEqual({});
  });

  it('is undefined for what is not an object', () => {
    expect(visitorOf('Anna')).toBeUndefined();
    expect(visitorOf(null)).toBeUndefined();
  });
});
