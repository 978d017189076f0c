import { isOriginAllowed } from '@frontdesk/config';
import { describe, expect, it } from 'vitest';

const allowed = [
  'https://shop.example',
  'http://localhost:*',
  'https://api.example:8443',
  'http://[::1]:*',
  'https://магазин.рф',
];

describe('isOriginAllowed', () => {
  it.each([
    ['an exact origin', 'https://shop.example'],
    ['the host in another case', 'https://SHOP.Example'],
    ['the scheme in another case', 'HTTPS://shop.example'],
    ['the default port written out', 'https://shop.example:443'],
    ['any port of a wildcard', 'http://localhost:5173'],
    ['the default port of a wildcard', 'http://localhost'],
    ['an explicit port', 'https://api.example:8443'],
    ['IPv6 with any port', 'http://[::1]:3000'],
    ['an IDN host in punycode (as browsers send it)', 'https://xn--80aairftm.xn--p1ai'],
  ])('allows %s', (_, origin) => {
    expect(isOriginAllowed(origin, allowed)).toBe(true);
  });

  it.each([
    ['another host', 'https://evil.example'],
    ['a subdomain', 'https://www.shop.example'],
    ['a suffix attack', 'https://shop.example.evil.example'],
    ['another scheme', 'http://shop.example'],
    ['another port', 'https://shop.example:8443'],
    ['the default port where a port is required', 'https://api.example'],
    ['another scheme on a wildcard host', 'https://localhost:5173'],
    ['the null origin', 'null'],
    ['an origin with a path', 'https://shop.example/page'],
    ['an origin with credentials', 'https://user@shop.example'],
    ['a wildcard sent as the origin', 'http://localhost:*'],
    ['garbage', 'not an origin'],
    ['empty', ''],
  ])('refuses %s', (_, origin) => {
    expect(isOriginAllowed(origin, allowed)).toBe(false);
  });

  it('allows nothing with an empty list', () => {
    expect(isOriginAllowed('https://shop.example', [])).toBe(false);
  });

  it('normalises the pattern too: default ports, case', () => {
    expect(isOriginAllowed('https://shop.example', ['HTTPS://Shop.Example:443'])).toBe(true);
    expect(isOriginAllowed('http://shop.example', ['http://shop.example:80'])).toBe(true);
  });

  it('skips invalid patterns instead of matching or throwing', () => {
    expect(isOriginAllowed('https://shop.example', ['https://shop.example/', '*', ''])).toBe(false);
    expect(isOriginAllowed('https://shop.example', ['garbage', 'https://shop.example'])).toBe(true);
  });
});
