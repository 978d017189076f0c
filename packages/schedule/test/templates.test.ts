import { callbackSlots, createSchedule, isOpen, templates } from '@frontdesk/schedule';
import { describe, expect, it } from 'vitest';

describe('templates', () => {
  it('24/7 is open at every minute of a week, midnight included', () => {
    const s = createSchedule({ timeZone: 'Europe/Samara', week: templates.always });
    const start = Date.parse('2026-03-02T00:00:00Z');
    for (let m = 0; m < 7 * 24 * 60; m += 7) {
      expect(isOpen(s, new Date(start + m * 60_000))).toBe(true);
    }
    // Slots run on without a gap across midnight.
    const slots = callbackSlots(s, new Date('2026-03-02T19:00:00Z'), { days: 2 });
    for (let i = 1; i < slots.length; i++) {
      expect(slots[i]?.start).toEqual(slots[i - 1]?.end);
    }
  });

  it('standard is Mon–Thu 09:00–18:00 and Fri 09:00–17:00, weekends off', () => {
    expect(templates.standard).toEqual({
      mon: { from: '09:00', to: '18:00' },
      tue: { from: '09:00', to: '18:00' },
      wed: { from: '09:00', to: '18:00' },
      thu: { from: '09:00', to: '18:00' },
      fri: { from: '09:00', to: '17:00' },
    });
    expect(Object.isFrozen(templates.standard)).toBe(true);
  });
});
