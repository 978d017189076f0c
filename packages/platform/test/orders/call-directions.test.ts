import { describe, expect, it } from 'vitest';
import { mayDial } from '../../src/orders/call-directions';
import { parsePhone } from '../../src/orders/parse-phone';

describe('mayDial', () => {
  const moscow = parsePhone('+74951234567', 'ru');
  const minsk = parsePhone('+375291234567', 'ru');
  if (!moscow || !minsk) throw new Error('test numbers must parse');

  it('dials numbers abroad only with the international direction', () => {
    const home = { local: true, national: true, international: false };
    expect(mayDial(moscow, 'ru', home)).toBe(true);
    expect(mayDial(minsk, 'ru', home)).toBe(false);
    expect(mayDial(minsk, 'ru', { ...home, international: true })).toBe(true);
    expect(mayDial(minsk, 'by', home)).toBe(true);
  });

  it('dials home numbers with either the local or the national direction', () => {
    const abroadOnly = { local: false, national: false, international: true };
    expect(mayDial(moscow, 'ru', abroadOnly)).toBe(false);
    expect(mayDial(moscow, 'ru', { ...abroadOnly, local: true })).toBe(true);
    expect(mayDial(moscow, 'ru', { ...abroadOnly, national: true })).toBe(true);
  });
});
