import { defaultSettings } from '@frontdesk/config';
import {
  calendarCoverage,
  callbackSlots,
  createSchedule,
  isOpen,
  type ScheduleInput,
} from '@frontdesk/schedule';
import { describe, expect, it } from 'vitest';
import { schedulePreview } from '../src/schedule-preview-data';

const office: ScheduleInput = {
  ...defaultSettings('callback', { timeZone: 'Europe/Moscow' }).schedule,
  lunch: { from: '12:00', to: '13:00' },
};

describe('schedulePreview', () => {
  it('gives exactly what @frontdesk/schedule gives: open now, three days of slots', () => {
    for (const at of [
      '2026-03-04T05:00:00Z', // Wednesday 08:00 in Moscow: before work
      '2026-03-04T09:30:00Z', // 12:30: lunch
      '2026-03-04T16:00:00Z', // 19:00: after work
      '2026-03-06T16:00:00Z', // Friday evening: Monday, then Tuesday and Wednesday
    ]) {
      const now = new Date(at);
      const preview = schedulePreview(office, now);
      const schedule = createSchedule(office);
      expect(preview.open).toBe(isOpen(schedule, now));
      expect(
        preview.days.flatMap((day) => day.slots.map(({ start, end }) => ({ start, end }))),
      ).toEqual(callbackSlots(schedule, now, { days: 3 }));
      expect(preview.days).toHaveLength(3);
    }
  });

  it('labels slots and groups them by date in the company zone, lunch left out', () => {
    const preview = schedulePreview(office, new Date('2026-03-04T05:00:00Z'));
    expect(preview.days[0]?.date).toBe('2026-03-04');
    const labels = preview.days[0]?.slots.map((slot) => slot.label) ?? [];
    expect(labels[0]).toBe('09:00–09:30');
    expect(labels).toContain('11:30–12:00');
    expect(labels).not.toContain('12:00–12:30');
    expect(labels.at(-1)).toBe('17:30–18:00');
  });

  it('warns of years in range the calendar has no data for, when holidays count', () => {
    const { to } = calendarCoverage('ru');
    const lateDecember = new Date(`${to}-12-20T09:00:00Z`);
    expect(schedulePreview(office, lateDecember).missingYears).toEqual([to + 1]);
    const exception = { date: `${to + 3}-05-05`, closed: true };
    expect(
      schedulePreview({ ...office, exceptions: [exception] }, new Date(`${to}-03-01T09:00:00Z`))
        .missingYears,
    ).toEqual([to + 3]);
    expect(
      schedulePreview({ ...office, holidays: false, preHoliday: false }, lateDecember).missingYears,
    ).toEqual([]);
  });
});
