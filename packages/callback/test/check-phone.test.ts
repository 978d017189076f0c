import { checkPhone, isPhoneCountry } from '@frontdesk/callback';
import metadata from 'libphonenumber-js/metadata.min.json';
import { describe, expect, it } from 'vitest';

describe('checkPhone', () => {
  it('reads national and international numbers of the widget countries', () => {
    expect(checkPhone('912 345-67-89', 'RU')).toEqual({ kind: 'valid', e164: '+79123456789' });
    expect(checkPhone('8 (912) 345-67-89', 'RU')).toEqual({ kind: 'valid', e164: '+79123456789' });
    expect(checkPhone(' +7 912 345 67 89 ', 'BY')).toEqual({ kind: 'valid', e164: '+79123456789' });
    expect(checkPhone('29 123-45-67', 'BY')).toEqual({ kind: 'valid', e164: '+375291234567' });
    expect(checkPhone('+7 701 234 5678', 'RU')).toEqual({ kind: 'valid', e164: '+77012345678' });
    expect(checkPhone('90 123 45 67', 'UZ')).toEqual({ kind: 'valid', e164: '+998901234567' });
  });

  it('tells an unfinished number from a wrong one, as the visitor types', () => {
    expect(checkPhone('', 'RU')).toEqual({ kind: 'empty' });
    expect(checkPhone('  ', 'RU')).toEqual({ kind: 'empty' });
    expect(checkPhone('9', 'RU')).toEqual({ kind: 'incomplete' });
    expect(checkPhone('912 345', 'RU')).toEqual({ kind: 'incomplete' });
    expect(checkPhone('912 345 67 89 12 34', 'RU')).toEqual({ kind: 'invalid' });
    expect(checkPhone('call me', 'RU')).toEqual({ kind: 'invalid' });
    expect(checkPhone('9+12', 'RU')).toEqual({ kind: 'invalid' });
    expect(checkPhone('+7 012 345 67 89', 'RU')).toEqual({ kind: 'invalid' });
  });

  it('leaves numbers of other countries to the platform, by their E.164 shape', () => {
    expect(checkPhone('+49 30 1234567', 'RU')).toEqual({ kind: 'valid', e164: '+49301234567' });
    expect(checkPhone('+49 30', 'RU')).toEqual({ kind: 'incomplete' });
    expect(checkPhone('+1 234 567 890 123 456', 'RU')).toEqual({ kind: 'invalid' });
  });

  it('knows the widget countries, and every other one with the full metadata', () => {
    expect(isPhoneCountry('KZ')).toBe(true);
    expect(isPhoneCountry('DE')).toBe(false);
    expect(isPhoneCountry('DE', metadata)).toBe(true);
    expect(isPhoneCountry('toString', metadata)).toBe(false);
    expect(checkPhone('030 1234567', 'DE', metadata)).toEqual({
      kind: 'valid',
      e164: '+49301234567',
    });
    expect(checkPhone('07911 123456', 'GB', metadata)).toEqual({
      kind: 'valid',
      e164: '+447911123456',
    });
    // With every country known, a foreign number is checked by its own country's rules.
    expect(checkPhone('+49 30', 'RU', metadata)).toEqual({ kind: 'incomplete' });
    expect(checkPhone('+44 1234', 'RU', metadata)).toEqual({ kind: 'incomplete' });
  });
});
