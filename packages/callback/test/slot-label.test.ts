import { slotLabel } from '@frontdesk/callback';
import { describe, expect, it } from 'vitest';

// Sunday 6 December 2026, 23:00 in Moscow (20:00 UTC): the clock the labels are read by.
const now = new Date('2026-12-06T20:00:00Z');
const moscow = { visitorZone: 'Europe/Moscow', now };

describe('slotLabel', () => {
  it('names today and tomorrow, with the weekday and date too', () => {
    const tomorrow6 = new Date('2026-12-07T03:00:00Z'); // Monday 06:00 in Moscow
    expect(slotLabel(tomorrow6, { ...moscow, locale: 'ru' })).toBe('завтра, пн, 7 дек., 06:00');
    expect(slotLabel(tomorrow6, { ...moscow, locale: 'en-GB' })).toBe('tomorrow, Mon 7 Dec, 06:00');
    const today = new Date('2026-12-06T20:30:00Z');
    expect(slotLabel(today, { ...moscow, locale: 'en-GB' })).toBe('today, Sun 6 Dec, 23:30');
  });

  it('gives later days their weekday and date alone', () => {
    const wednesday = new Date('2026-12-09T07:00:00Z');
    expect(slotLabel(wednesday, { ...moscow, locale: 'ru' })).toBe('ср, 9 дек., 10:00');
    expect(slotLabel(wednesday, { ...moscow, locale: 'en-US' })).toBe('Wed, Dec 9, 10:00 AM');
  });

  it('counts days in the visitor’s zone, not the company’s or UTC', () => {
    const at = new Date('2026-12-07T03:00:00Z');
    // Already Monday in Vladivostok (UTC+10) when the clock reads Monday 06:00 there: today.
    expect(slotLabel(at, { locale: 'en-GB', visitorZone: 'Asia/Vladivostok', now })).toBe(
      'today, Mon 7 Dec, 13:00',
    );
    // Still Sunday evening in New York: today too.
    expect(slotLabel(at, { locale: 'en-GB', visitorZone: 'America/New_York', now })).toBe(
      'today, Sun 6 Dec, 22:00',
    );
  });
});
