import { createSchedule, isOpen, type ScheduleInput } from '@frontdesk/schedule';
import { describe, expect, it } from 'vitest';

const input: ScheduleInput = {
  timeZone: 'Europe/Moscow',
  week: { wed: { from: '09:00', to: '18:00' }, thu: { from: '09:00', to: '18:00' } },
  lunch: { from: '12:00', to: '13:00' },
};
const msk = (time: string, date = '2026-03-04') => new Date(`${date}T${time}+03:00`);

describe('isOpen', () => {
  const s = createSchedule(input);

  it('starts are inclusive and ends exclusive', () => {
    expect(isOpen(s, msk('08:59:59'))).toBe(false);
    expect(isOpen(s, msk('09:00:00'))).toBe(true);
    expect(isOpen(s, msk('11:59:59'))).toBe(true);
    expect(isOpen(s, msk('12:00:00'))).toBe(false);
    expect(isOpen(s, msk('13:00:00'))).toBe(true);
    expect(isOpen(s, msk('17:59:59'))).toBe(true);
    expect(isOpen(s, msk('18:00:00'))).toBe(false);
  });

  it('days off are closed', () => {
    expect(isOpen(s, msk('10:00:00', '2026-03-06'))).toBe(false);
  });

  it('reads the instant in the company zone, not the caller’s', () => {
    // 06:30 UTC is 09:30 in Moscow.
    expect(isOpen(s, new Date('2026-03-04T06:30:00Z'))).toBe(true);
    expect(isOpen(s, new Date('2026-03-04T05:30:00Z'))).toBe(false);
  });

  it('an exception replaces the day: hours, or closed; the lunch still applies', () => {
    const ex = createSchedule({
      ...input,
      holidays: true,
      exceptions: [
        { date: '2026-03-04', closed: true },
        { date: '2026-03-07', from: '11:00', to: '15:00' },
        // A public holiday made a working day by the account: the calendar does not override it.
        { date: '2026-03-09', from: '10:00', to: '11:00' },
      ],
    });
    expect(isOpen(ex, msk('10:00:00'))).toBe(false);
    expect(isOpen(ex, msk('11:30:00', '2026-03-07'))).toBe(true);
    expect(isOpen(ex, msk('12:30:00', '2026-03-07'))).toBe(false);
    expect(isOpen(ex, msk('14:30:00', '2026-03-07'))).toBe(true);
    expect(isOpen(ex, msk('10:30:00', '2026-03-09'))).toBe(true);
  });

  it('with holidays, a day off of the calendar is closed whatever its weekday', () => {
    const withHolidays = createSchedule({ ...input, holidays: true });
    // Thursday 2026-01-08 and the moved day off, Friday 2026-01-09.
    const all = createSchedule({
      ...input,
      holidays: true,
      week: { thu: { from: '09:00', to: '18:00' }, fri: { from: '09:00', to: '18:00' } },
    });
    expect(isOpen(withHolidays, msk('10:00:00', '2026-01-08'))).toBe(false);
    expect(isOpen(all, msk('10:00:00', '2026-01-09'))).toBe(false);
    expect(isOpen(createSchedule(input), msk('10:00:00', '2026-01-08'))).toBe(true);
  });

  it('a worked weekend uses its own hours when the week has them', () => {
    // Saturday 2027-02-20 is a shortened working day in Russia.
    const s2 = createSchedule({
      ...input,
      holidays: true,
      week: { mon: { from: '09:00', to: '18:00' }, sat: { from: '10:00', to: '14:00' } },
    });
    expect(isOpen(s2, msk('09:30:00', '2027-02-20'))).toBe(false);
    expect(isOpen(s2, msk('13:30:00', '2027-02-20'))).toBe(true);
  });

  it('a worked weekend borrows the first working weekday’s hours and breaks', () => {
    const borrowing: ScheduleInput = {
      timeZone: 'Europe/Moscow',
      holidays: true,
      week: {
        tue: { from: '08:00', to: '16:00', breaks: [{ from: '10:00', to: '10:30' }] },
        wed: { from: '09:00', to: '18:00' },
      },
    };
    const s2 = createSchedule(borrowing);
    expect(isOpen(s2, msk('08:30:00', '2016-02-20'))).toBe(true);
    expect(isOpen(s2, msk('10:15:00', '2016-02-20'))).toBe(false);
    expect(isOpen(s2, msk('15:30:00', '2016-02-20'))).toBe(true);
    // Without the holidays toggle the Saturday stays a day off.
    expect(
      isOpen(createSchedule({ ...borrowing, holidays: false }), msk('08:30:00', '2016-02-20')),
    ).toBe(false);
  });

  it('preHoliday alone shortens a shortened day but keeps days off working', () => {
    const s2 = createSchedule({
      ...input,
      preHoliday: true,
      week: { ...input.week, tue: { from: '09:00', to: '18:00' } },
    });
    expect(isOpen(s2, msk('17:30:00', '2026-11-03'))).toBe(false);
    expect(isOpen(s2, msk('16:30:00', '2026-11-03'))).toBe(true);
  });
});
