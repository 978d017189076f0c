import {
  AllowedOriginsSchema,
  isOriginAllowed,
  normalizeOrigin,
  OriginPatternSchema,
} from '@frontdesk/config';
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

describe('normalizeOrigin', () => {
  it.each([
    ['a bare domain', 'example.com', 'https://example.com'],
    ['a www domain', 'www.example.com', 'https://www.example.com'],
    ['an https origin with a port', 'https://example.com:8443', 'https://example.com:8443'],
    ['an http origin, kept http', 'http://example.com', 'http://example.com'],
    ['a bare domain with a port', 'example.com:8443', 'https://example.com:8443'],
    ['surrounding spaces', '  example.com  ', 'https://example.com'],
    ['capitals', 'HTTPS://WWW.Example.COM', 'https://www.example.com'],
    ['the default port', 'https://example.com:443', 'https://example.com'],
    ['a trailing slash', 'https://example.com/', 'https://example.com'],
    ['a page of the site', 'https://example.com/shop/item?id=1#buy', 'https://example.com'],
    ['a bare page address', 'example.com/contacts', 'https://example.com'],
    ['an IDN host, as browsers send it', 'магазин.рф', 'https://xn--80aairftm.xn--p1ai'],
    ['localhost, over http', 'localhost:8080', 'http://localhost:8080'],
    ['localhost without a port', 'localhost', 'http://localhost'],
    ['a loopback address, over http', '127.0.0.1:5173', 'http://127.0.0.1:5173'],
    ['IPv6 loopback, over http', '[::1]:3000', 'http://[::1]:3000'],
    ['a port wildcard', 'localhost:*', 'http://localhost:*'],
    ['a port wildcard with a scheme', 'https://Shop.Example:*', 'https://shop.example:*'],
    ['an already normal origin', 'https://shop.example', 'https://shop.example'],
  ])('reads %s', (_, input, origin) => {
    expect(normalizeOrigin(input)).toBe(origin);
    // What it gives is an origin the settings accept, and normalising it again changes nothing.
    expect(valid(origin)).toBe(true);
    expect(normalizeOrigin(origin)).toBe(origin);
  });

  it.each([
    ['empty', ''],
    ['spaces', '   '],
    ['another scheme', 'ftp://example.com'],
    ['a script', 'javascript:alert(1)'],
    ['a word, not a site', 'example'],
    ['a scheme typo', 'https//example.com'],
    ['a space in the host', 'exa mple.com'],
    ['credentials', 'user:pw@example.com'],
    ['credentials with a scheme', 'https://user@example.com'],
    ['an empty port', 'example.com:'],
    ['a port too large', 'example.com:65536'],
    ['a host wildcard', '*.example.com'],
    ['no host', 'https://'],
  ])('refuses %s', (_, input) => {
    expect(normalizeOrigin(input)).toBeNull();
  });

  it('gives the origin the browser sends from that site', () => {
    const allowed = ['www.example.com', 'localhost:*'].map((s) => normalizeOrigin(s) ?? s);
    expect(isOriginAllowed('https://www.example.com', allowed)).toBe(true);
    expect(isOriginAllowed('http://localhost:5173', allowed)).toBe(true);
    expect(isOriginAllowed('http://www.example.com', allowed)).toBe(false);
  });
});
