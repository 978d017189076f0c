import { PAGE_LIMITS, pageInfo } from '@frontdesk/core';
import { describe, expect, it } from 'vitest';

describe('pageInfo', () => {
  it('takes the page address, title, referrer and UTM tags', () => {
    const where = new URL(
      'https://shop.example/p?utm_source=ads&utm_campaign=spring&utm_medium=&x=1',
    ) as unknown as Location;
    const doc = { title: 'Shop', referrer: 'https://search.example/' } as Document;
    expect(pageInfo(where, doc)).toEqual({
      url: 'https://shop.example/p?utm_source=ads&utm_campaign=spring&utm_medium=&x=1',
      title: 'Shop',
      referrer: 'https://search.example/',
      utm: { source: 'ads', campaign: 'spring' },
    });
  });

  it('cuts every value to what the platform accepts', () => {
    const long = 'x'.repeat(3000);
    const where = new URL(
      `https://shop.example/p?q=${long}&utm_source=${long}`,
    ) as unknown as Location;
    const doc = { title: long, referrer: `https://search.example/?q=${long}` } as Document;
    const page = pageInfo(where, doc);
    expect(page.url).toHaveLength(PAGE_LIMITS.url);
    expect(page.url.startsWith('https://shop.example/p?q=xxx')).toBe(true);
    expect(page.title).toHaveLength(PAGE_LIMITS.title);
    expect(page.referrer).toHaveLength(PAGE_LIMITS.referrer);
    expect(page.utm.source).toHaveLength(PAGE_LIMITS.utm);
  });
});
