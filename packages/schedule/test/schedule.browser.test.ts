/** The engine in Chromium: its Intl must give the same instants as Node's. */
import { callbackSlots, createSchedule, dateIn, isOpen, templates } from '@frontdesk/schedule';
import { describe, expect, it } from 'vitest';

describe('@frontdesk/schedule in the browser', () => {
  it('computes slots across the Berlin fall-back night', () => {
    const s = createSchedule({ timeZone: 'Europe/Berlin', week: templates.always });
    const slots = callbackSlots(s, new Date('2026-10-24T22:00:00Z'), { days: 1 });
    expect(slots).toHaveLength(50);
    expect(slots[6]?.start.toISOString()).toBe('2026-10-25T01:00:00.000Z');
  });

  it('honours the Russian calendar and a +05:45 zone', () => {
    const s = createSchedule({
      timeZone: 'Asia/Kathmandu',
      week: templates.standard,
      holidays: true,
    });
    expect(isOpen(s, new Date('2026-03-04T03:15:00Z'))).toBe(true);
    expect(isOpen(s, new Date('2026-03-09T04:00:00Z'))).toBe(false); // moved day off after Mar 8
    expect(dateIn('Asia/Kathmandu', new Date('2026-03-04T18:20:00Z'))).toBe('2026-03-05');
  });
});
