import { countryOptions, visitorRegion } from '@frontdesk/callback';
import metadata from 'libphonenumber-js/metadata.min.json';
import { describe, expect, it } from 'vitest';
import { phoneMetadata } from '../src/phone-metadata';

describe('countryOptions', () => {
  it('offers every country libphonenumber-js knows, named in the visitor’s language', () => {
    const en = countryOptions(metadata, 'en');
    expect(en).toHaveLength(Object.keys(metadata.countries).length);
    expect(en.length).toBeGreaterThan(240);
    expect(en.find((c) => c.code === 'DE')).toEqual({
      code: 'DE',
      name: 'Germany',
      callingCode: '+49',
    });
    const ru = countryOptions(metadata, 'ru');
    expect(ru.find((c) => c.code === 'DE')?.name).toBe('Германия');
  });

  it('sorts them by name in that language', () => {
    const names = countryOptions(metadata, 'ru').map((c) => c.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('ru').compare));
    expect(countryOptions(phoneMetadata, 'ru').map((c) => `${c.name} ${c.callingCode}`)).toEqual([
      'Беларусь +375',
      'Казахстан +7',
      'Россия +7',
      'Узбекистан +998',
    ]);
  });
});

describe('visitorRegion', () => {
  it('is the country of the first browser language, or its likely one', () => {
    expect(visitorRegion(['en-GB', 'ru'])).toBe('GB');
    expect(visitorRegion(['ru'])).toBe('RU');
    expect(visitorRegion(['en'])).toBe('US');
    expect(visitorRegion(['kk-KZ'])).toBe('KZ');
  });

  it('is unknown without a language', () => {
    expect(visitorRegion([])).toBeUndefined();
  });
});
