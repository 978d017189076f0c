import { describe, expect, it } from 'vitest';
// The generator and the module it wrote: the committed module must match the installed library.
import { pickMetadata, widgetMetadata } from '../scripts/phone-metadata.mjs';
import { PHONE_COUNTRIES, phoneMetadata } from '../src/phone-metadata';

describe('the phone metadata of the widget countries', () => {
  it('is up to date with the installed libphonenumber-js (else run generate-phone-metadata.mjs)', () => {
    expect(phoneMetadata).toEqual(widgetMetadata());
    expect(PHONE_COUNTRIES).toEqual(['RU', 'BY', 'KZ', 'UZ']);
  });

  it('keeps only the chosen countries and the calling codes that lead to them', () => {
    const full = {
      version: 4,
      country_calling_codes: { '7': ['RU', 'KZ'], '49': ['DE'], '375': ['BY'] },
      countries: { RU: ['7'], KZ: ['7'], DE: ['49'], BY: ['375'] },
    };
    expect(pickMetadata(full, ['RU', 'BY'])).toEqual({
      version: 4,
      country_calling_codes: { '7': ['RU'], '375': ['BY'] },
      countries: { RU: ['7'], BY: ['375'] },
    });
  });
});
