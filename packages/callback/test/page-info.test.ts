import { pageInfo } from '@frontdesk/callback';
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
});
