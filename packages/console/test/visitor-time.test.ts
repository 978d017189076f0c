import { describe, expect, it } from 'vitest';
import { visitorLocalTime } from '../src/visitor-time';

describe('the visitor’s local time', () => {
  const now = new Date('2026-03-04T07:00:00Z');
  it('is the clock of their zone at the given instant', () => {
    expect(visitorLocalTime('Asia/Tokyo', now, 'en-GB')).toBe('16:00');
    expect(visitorLocalTime('America/New_York', now, 'en-GB')).toBe('02:00');
  });
  it('is unknown without a zone or with one Intl does not know', () => {
    expect(visitorLocalTime(null, now)).toBeUndefined();
    expect(visitorLocalTime('Not/AZone', now)).toBeUndefined();
  });
});
