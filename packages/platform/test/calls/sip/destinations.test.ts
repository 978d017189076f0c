/** Where a trunk may call: phones of its countries only. */
import { describe, expect, it } from 'vitest';
import { CALLING_CODES, refusal } from '../../../src/calls/sip/destinations';

describe('trunk destinations', () => {
  it('lets a trunk dial fixed lines, mobiles and toll-free numbers of its countries', () => {
    expect(refusal('+74951110001', ['7'])).toBeUndefined();
    expect(refusal('+79161234567', ['7'])).toBeUndefined();
    expect(refusal('+78001234567', ['7'])).toBeUndefined();
    expect(refusal('+375291234567', ['7', '375'])).toBeUndefined();
  });

  it('refuses other countries, premium-rate numbers and anything that is not a whole number', () => {
    expect(refusal('+375291234567', ['7'])).toBe('country_not_allowed');
    expect(refusal('+19005551234', ['1'])).toBe('not_a_phone');
    expect(refusal('+78091234567', ['7'])).toBe('not_a_phone');
    expect(refusal('+7112', ['7'])).toBe('not_a_number');
    expect(refusal('112', ['7'])).toBe('not_a_number');
    expect(refusal('+7 495 111 00 01', ['7'])).toBe('not_a_number');
  });

  it('knows the country calling codes', () => {
    expect(CALLING_CODES.has('7')).toBe(true);
    expect(CALLING_CODES.has('375')).toBe(true);
    expect(CALLING_CODES.has('999')).toBe(false);
  });
});
