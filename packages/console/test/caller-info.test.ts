import { describe, expect, it } from 'vitest';
import { parseCaller, visitorTime } from '../src/caller-info';

const base64 = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64');

describe('the softphone’s reading of a call', () => {
  it('parses X-Frontdesk-Caller (base64 of UTF-8 JSON)', () => {
    const caller = {
      widget: { id: 'w1', key: 'demo-call', name: 'Звонок с сайта' },
      page: { url: 'https://shop.example/call.html', title: 'Позвоните нам' },
      utm: { source: 'ads' },
      visitor: { id: 'abc', timeZone: 'Asia/Tokyo' },
    };
    expect(parseCaller(base64(caller))).toEqual(caller);
    expect(parseCaller(undefined)).toBeNull();
    expect(parseCaller('%%%')).toBeNull();
    expect(parseCaller(Buffer.from('"text"').toString('base64'))).toBeNull();
  });

  it('tells the visitor’s local time in their zone', () => {
    const now = new Date('2026-03-04T07:00:00Z');
    expect(visitorTime({ visitor: { timeZone: 'Asia/Tokyo' } }, now, 'en-GB')).toBe('16:00');
    expect(visitorTime({ visitor: { timeZone: 'Europe/Moscow' } }, now, 'en-GB')).toBe('10:00');
    expect(visitorTime({ visitor: { timeZone: 'Not/AZone' } }, now)).toBeUndefined();
    expect(visitorTime(null, now)).toBeUndefined();
  });
});
