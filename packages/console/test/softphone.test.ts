import { describe, expect, it } from 'vitest';
import { dtmfDigit, parseCaller, visitorTime } from '../src/softphone';

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

  it('reads DTMF digits of SIP INFO bodies', () => {
    expect(dtmfDigit('application/dtmf-relay', 'Signal=5\r\nDuration=100')).toBe('5');
    expect(dtmfDigit('application/dtmf-relay', 'Signal= #\r\nDuration=100')).toBe('#');
    expect(dtmfDigit('Application/DTMF-Relay', 'Signal=*')).toBe('*');
    expect(dtmfDigit('application/dtmf', '7')).toBe('7');
    expect(dtmfDigit('text/plain', 'Signal=5')).toBeUndefined();
    expect(dtmfDigit('application/dtmf-relay', 'Duration=100')).toBeUndefined();
    expect(dtmfDigit('application/dtmf-relay', undefined)).toBeUndefined();
  });

  it('tells the visitor’s local time in their zone', () => {
    const now = new Date('2026-03-04T07:00:00Z');
    expect(visitorTime({ visitor: { timeZone: 'Asia/Tokyo' } }, now, 'en-GB')).toBe('16:00');
    expect(visitorTime({ visitor: { timeZone: 'Europe/Moscow' } }, now, 'en-GB')).toBe('10:00');
    expect(visitorTime({ visitor: { timeZone: 'Not/AZone' } }, now)).toBeUndefined();
    expect(visitorTime(null, now)).toBeUndefined();
  });
});
