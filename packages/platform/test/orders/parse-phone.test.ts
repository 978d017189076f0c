import { describe, expect, it } from 'vitest';
import { parsePhone } from '../../src/orders/parse-phone';

describe('parsePhone', () => {
  it('reads national numbers in the given country and international ones as written', () => {
    expect(parsePhone('8 (999) 123-45-67', 'ru')).toEqual({ e164: '+79991234567', country: 'RU' });
    expect(parsePhone('+7 999 1234567', 'by')).toEqual({ e164: '+79991234567', country: 'RU' });
    expect(parsePhone('8 029 123 45 67', 'by')?.e164).toBe('+375291234567');
    expect(parsePhone('8 701 123 45 67', 'kz')).toEqual({ e164: '+77011234567', country: 'KZ' });
    expect(parsePhone('90 123 45 67', 'uz')?.e164).toBe('+998901234567');
  });

  it('checks the number ranges, not just the length, and extracts nothing', () => {
    for (const input of [
      '12345',
      '+7 000 000-00-00',
      '8 (999) 123-45-6',
      'my number is +79991234567',
    ]) {
      expect(parsePhone(input, 'ru'), input).toBeUndefined();
    }
  });
});
