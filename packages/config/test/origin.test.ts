import { AllowedOriginsSchema, OriginPatternSchema } from '@frontdesk/config';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';

const valid = (s: string) => v.safeParse(OriginPatternSchema, s).success;

describe('OriginPatternSchema', () => {
  it.each([
    'https://shop.example',
    'http://shop.example',
    'HTTPS://Shop.Example',
    'https://shop.example:8443',
    'https://shop.example:443',
    'http://localhost:*',
    'http://localhost',
    'http://127.0.0.1:*',
    'http://[::1]:8080',
    'http://[::1]:*',
    'https://магазин.рф',
    'https://xn--80aairftm.xn--p1ai',
    'https://a.b.c.shop-example.co.uk',
  ])('accepts %s', (origin) => {
    expect(valid(origin)).toBe(true);
  });

  it.each([
    ['no scheme', 'shop.example'],
    ['another scheme', 'ftp://shop.example'],
    ['a scheme-relative URL', '//shop.example'],
    ['a trailing slash', 'https://shop.example/'],
    ['a path', 'https://shop.example/widgets'],
    ['a query', 'https://shop.example?a=1'],
    ['a fragment', 'https://shop.example#top'],
    ['credentials', 'https://user:pw@shop.example'],
    ['no host', 'https://'],
    ['an empty port', 'https://shop.example:'],
    ['a port too large', 'https://shop.example:65536'],
    ['a port that is not a number', 'https://shop.example:http'],
    ['a host wildcard', 'https://*.shop.example'],
    ['a space', 'https://shop example'],
    ['surrounding spaces', ' https://shop.example'],
    ['the null origin', 'null'],
    ['empty', ''],
  ])('rejects %s', (_, origin) => {
    expect(valid(origin)).toBe(false);
  });

  it('caps the list at 100 origins', () => {
    const many = Array.from({ length: 101 }, (_, i) => `https://s${i}.example`);
    expect(v.safeParse(AllowedOriginsSchema, many.slice(0, 100)).success).toBe(true);
    expect(v.safeParse(AllowedOriginsSchema, many).success).toBe(false);
  });
});
