import { callbackSlots, createSchedule, type ScheduleInput } from '@frontdesk/schedule';
import { describe, expect, it } from 'vitest';
import { halfHours, slotDates, wallSlots } from './helpers';

const MSK = 'Europe/Moscow';
const office: ScheduleInput = {
  timeZone: MSK,
  week: {
    mon: { from: '09:00', to: '18:00' },
    tue: { from: '09:00', to: '18:00' },
    wed: { from: '09:00', to: '18:00' },
    thu: { from: '09:00', to: '18:00' },
    fri: { from: '09:00', to: '18:00' },
  },
  lunch: { from: '12:00', to: '13:00' },
};
const officeDay = (date: string) => [
  ...halfHours(date, '09:00', '12:00'),
  ...halfHours(date, '13:00', '18:00'),
];
/** Wednesday 2026-03-04 in Moscow (UTC+3). */
const msk = (time: string, date = '2026-03-04') => new Date(`${date}T${time}:00+03:00`);

describe('callbackSlots — the source examples (09:00–18:00, lunch 12:00–13:00)', () => {
  const s = createSchedule(office);

  it('before 09:00: from 09:00 to the end of the day, lunch excluded, then two more days', () => {
    const slots = callbackSlots(s, msk('07:15'));
    expect(wallSlots(slots, MSK)).toEqual([
      ...officeDay('2026-03-04'),
      ...officeDay('2026-03-05'),
      ...officeDay('2026-03-06'),
    ]);
  });

  it('during lunch: from 13:00 to the end of the day', () => {
    const slots = callbackSlots(s, msk('12:20'));
    expect(wallSlots(slots, MSK).slice(0, 10)).toEqual(halfHours('2026-03-04', '13:00', '18:00'));
    expect(slotDates(slots, MSK)).toEqual(['2026-03-04', '2026-03-05', '2026-03-06']);
  });

  it('after 18:00 until midnight: the next working day and the two after it', () => {
    for (const time of ['18:00', '21:30', '23:59']) {
      const slots = callbackSlots(s, msk(time));
      expect(slotDates(slots, MSK)).toEqual(['2026-03-05', '2026-03-06', '2026-03-09']);
      expect(wallSlots(slots, MSK)[0]).toBe('2026-03-05 09:00–09:30');
    }
  });

  it('on a Friday evening the weekend is skipped', () => {
    const slots = callbackSlots(s, msk('19:00', '2026-03-06'));
    expect(slotDates(slots, MSK)).toEqual(['2026-03-09', '2026-03-10', '2026-03-11']);
  });
});

describe('callbackSlots — which slots count', () => {
  const s = createSchedule(office);

  it('today counts only while a whole slot can still start: not at 17:40 with the day ending 18:00', () => {
    const slots = callbackSlots(s, msk('17:40'));
    expect(slotDates(slots, MSK)).toEqual(['2026-03-05', '2026-03-06', '2026-03-09']);
  });

  it('at 17:30 the last slot of today is still offered', () => {
    const slots = callbackSlots(s, msk('17:30'));
    expect(wallSlots(slots, MSK)[0]).toBe('2026-03-04 17:30–18:00');
    expect(slotDates(slots, MSK)).toEqual(['2026-03-04', '2026-03-05', '2026-03-06']);
  });

  it('a slot already started is not offered; slots stay on the grid of the interval start', () => {
    const slots = callbackSlots(s, msk('09:10'));
    expect(wallSlots(slots, MSK)[0]).toBe('2026-03-04 09:30–10:00');
  });

  it('a final partial span is dropped', () => {
    const s2 = createSchedule({
      ...office,
      week: { wed: { from: '09:00', to: '10:45' } },
      lunch: null,
    });
    expect(wallSlots(callbackSlots(s2, msk('08:00'), { days: 1 }), MSK)).toEqual(
      halfHours('2026-03-04', '09:00', '10:30'),
    );
  });

  it('honours slotMinutes and days', () => {
    const slots = callbackSlots(s, msk('07:00'), { slotMinutes: 60, days: 1 });
    expect(wallSlots(slots, MSK)).toEqual([
      '2026-03-04 09:00–10:00',
      '2026-03-04 10:00–11:00',
      '2026-03-04 11:00–12:00',
      '2026-03-04 13:00–14:00',
      '2026-03-04 14:00–15:00',
      '2026-03-04 15:00–16:00',
      '2026-03-04 16:00–17:00',
      '2026-03-04 17:00–18:00',
    ]);
    expect(callbackSlots(s, msk('07:00'), { days: 0 })).toEqual([]);
  });

  it('day breaks are cut out as well as the lunch', () => {
    const s2 = createSchedule({
      ...office,
      week: { wed: { from: '09:00', to: '12:00', breaks: [{ from: '10:00', to: '10:30' }] } },
      lunch: { from: '11:00', to: '11:30' },
    });
    expect(wallSlots(callbackSlots(s2, msk('08:00'), { days: 1 }), MSK)).toEqual([
      '2026-03-04 09:00–09:30',
      '2026-03-04 09:30–10:00',
      '2026-03-04 10:30–11:00',
      '2026-03-04 11:30–12:00',
    ]);
  });

  it('a schedule with no working days offers nothing', () => {
    const closed = createSchedule({ timeZone: MSK, week: {} });
    expect(callbackSlots(closed, msk('10:00'))).toEqual([]);
  });

  it('rejects a slot length or day count that is not a positive whole number', () => {
    expect(() => callbackSlots(s, msk('10:00'), { slotMinutes: 0 })).toThrow(RangeError);
    expect(() => callbackSlots(s, msk('10:00'), { slotMinutes: 7.5 })).toThrow(/slotMinutes/);
    expect(() => callbackSlots(s, msk('10:00'), { days: -1 })).toThrow(/days/);
  });
});

describe('callbackSlots — production calendar', () => {
  const ruOffice: ScheduleInput = { ...office, holidays: true, preHoliday: true };

  it('New Year 2026/27: Dec 31 and Jan 1–8 off, so the next slots are from Monday Jan 11', () => {
    const s = createSchedule(ruOffice);
    const slots = callbackSlots(s, msk('19:00', '2026-12-30'));
    expect(slotDates(slots, MSK)).toEqual(['2027-01-11', '2027-01-12', '2027-01-13']);
  });

  it('without the holidays toggle the same dates are ordinary days', () => {
    const s = createSchedule({ ...ruOffice, holidays: false });
    const slots = callbackSlots(s, msk('19:00', '2026-12-30'));
    expect(slotDates(slots, MSK)).toEqual(['2026-12-31', '2027-01-01', '2027-01-04']);
  });

  it('the day off moved to Jan 9 2026 (from Saturday Jan 3) is skipped', () => {
    const s = createSchedule(ruOffice);
    const slots = callbackSlots(s, msk('10:00', '2026-01-08'));
    expect(slotDates(slots, MSK)).toEqual(['2026-01-12', '2026-01-13', '2026-01-14']);
  });

  it('a pre-holiday day (Tue 2026-11-03) ends an hour earlier, with preHoliday on', () => {
    const s = createSchedule(ruOffice);
    const day = wallSlots(callbackSlots(s, msk('08:00', '2026-11-03'), { days: 1 }), MSK);
    expect(day.at(-1)).toBe('2026-11-03 16:30–17:00');
    const plain = createSchedule({ ...ruOffice, preHoliday: false });
    expect(
      wallSlots(callbackSlots(plain, msk('08:00', '2026-11-03'), { days: 1 }), MSK).at(-1),
    ).toBe('2026-11-03 17:30–18:00');
  });

  it('the pre-holiday working Saturday 2016-02-20 is worked with Monday hours, an hour shorter', () => {
    const s = createSchedule(ruOffice);
    const slots = callbackSlots(s, msk('08:00', '2016-02-20'), { days: 1 });
    expect(wallSlots(slots, MSK)).toEqual([
      ...halfHours('2016-02-20', '09:00', '12:00'),
      ...halfHours('2016-02-20', '13:00', '17:00'),
    ]);
  });
});

describe('callbackSlots — time zones', () => {
  const allWeekend = (timeZone: string): ScheduleInput => ({
    timeZone,
    week: { sat: { from: '00:00', to: '24:00' }, sun: { from: '00:00', to: '24:00' } },
  });

  it('America/New_York spring forward: the 23-hour Sunday has 46 real half-hours', () => {
    const s = createSchedule(allWeekend('America/New_York'));
    const slots = callbackSlots(s, new Date('2026-03-08T05:00:00Z'), { days: 1 });
    expect(slots).toHaveLength(46);
    expect(wallSlots(slots, 'America/New_York').slice(3, 5)).toEqual([
      '2026-03-08 01:30–03:00',
      '2026-03-08 03:00–03:30',
    ]);
    for (const slot of slots) expect(slot.end.getTime() - slot.start.getTime()).toBe(1_800_000);
  });

  it('Europe/Berlin fall back: the 25-hour Sunday has 50 real half-hours, 02:00 twice', () => {
    const s = createSchedule(allWeekend('Europe/Berlin'));
    const slots = callbackSlots(s, new Date('2026-10-24T22:00:00Z'), { days: 1 });
    expect(slots).toHaveLength(50);
    const starts = wallSlots(slots, 'Europe/Berlin').map((w) => w.slice(11, 16));
    expect(starts.filter((t) => t === '02:00')).toHaveLength(2);
    expect(slots[4]?.start.toISOString()).toBe('2026-10-25T00:00:00.000Z');
    expect(slots[6]?.start.toISOString()).toBe('2026-10-25T01:00:00.000Z');
  });

  it('a working day that starts inside a DST gap starts when the clock jumps', () => {
    const s = createSchedule({
      timeZone: 'America/New_York',
      week: { sun: { from: '02:30', to: '05:00' } },
    });
    const slots = callbackSlots(s, new Date('2026-03-08T00:00:00Z'), { days: 1 });
    expect(wallSlots(slots, 'America/New_York')).toEqual([
      '2026-03-08 03:30–04:00',
      '2026-03-08 04:00–04:30',
      '2026-03-08 04:30–05:00',
    ]);
  });

  it('Asia/Kathmandu (+05:45): 09:00 local is 03:15 UTC', () => {
    const s = createSchedule({ ...office, timeZone: 'Asia/Kathmandu' });
    const slots = callbackSlots(s, new Date('2026-03-04T00:00:00Z'));
    expect(slots[0]?.start.toISOString()).toBe('2026-03-04T03:15:00.000Z');
    expect(slots.at(-1)?.end.toISOString()).toBe('2026-03-06T12:15:00.000Z');
  });

  it('days are the company zone dates, whatever zone the caller is in', () => {
    const s = createSchedule({ ...office, timeZone: 'Asia/Vladivostok' });
    // 23:30 UTC on Tuesday is already 09:30 on Wednesday in Vladivostok (UTC+10).
    const slots = callbackSlots(s, new Date('2026-03-03T23:30:00Z'));
    expect(wallSlots(slots, 'Asia/Vladivostok')[0]).toBe('2026-03-04 09:30–10:00');
  });
});
