import { createSchedule, nextOpen, type ScheduleInput } from '@frontdesk/schedule';
import { describe, expect, it } from 'vitest';

const input: ScheduleInput = {
  timeZone: 'Europe/Moscow',
  week: { mon: { from: '09:00', to: '18:00' }, fri: { from: '09:00', to: '17:00' } },
  lunch: { from: '12:00', to: '13:00' },
  holidays: true,
};
const msk = (time: string, date: string) => new Date(`${date}T${time}+03:00`);

describe('nextOpen', () => {
  const s = createSchedule(input);

  it('is `at` itself when open', () => {
    const at = msk('10:17:05', '2026-03-02');
    expect(nextOpen(s, at)).toEqual(at);
  });

  it('is the end of the lunch during lunch', () => {
    expect(nextOpen(s, msk('12:10:00', '2026-03-02'))).toEqual(msk('13:00:00', '2026-03-02'));
  });

  it('is the next working day’s start after hours, skipping days off and holidays', () => {
    expect(nextOpen(s, msk('18:00:00', '2026-03-02'))).toEqual(msk('09:00:00', '2026-03-06'));
    // Friday Jan 2 2026 is a holiday; Monday Jan 5 too (New Year holidays to Jan 8, then Jan 9 moved).
    expect(nextOpen(s, msk('20:00:00', '2025-12-29'))).toEqual(msk('09:00:00', '2026-01-12'));
  });

  it('is null when the schedule never opens within a year', () => {
    expect(
      nextOpen(createSchedule({ timeZone: 'UTC', week: {} }), new Date('2026-01-01T00:00:00Z')),
    ).toBeNull();
  });

  it('finds an exception far ahead in an otherwise closed schedule', () => {
    const s2 = createSchedule({
      timeZone: 'Asia/Tashkent',
      week: {},
      exceptions: [{ date: '2026-12-01', from: '10:00', to: '11:00' }],
    });
    expect(nextOpen(s2, new Date('2026-01-01T00:00:00Z'))).toEqual(
      new Date('2026-12-01T05:00:00Z'),
    );
  });
});
