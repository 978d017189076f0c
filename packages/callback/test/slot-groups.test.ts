import { slotGroups } from '@frontdesk/callback';
import { callbackSlots, createSchedule, templates } from '@frontdesk/schedule';
import { describe, expect, it } from 'vitest';

// Moscow office hours with lunch and the Russian calendar (9 March 2026 is a day off).
const office = createSchedule({
  timeZone: 'Europe/Moscow',
  week: templates.standard,
  lunch: { from: '13:00', to: '14:00' },
  holidays: true,
  preHoliday: true,
});
const friday = new Date('2026-03-06T07:00:00Z'); // 10:00 in Moscow

describe('slotGroups', () => {
  it('groups slots by the visitor day, today and tomorrow named', () => {
    const now = new Date('2026-03-04T07:00:00Z'); // Wednesday 10:00 in Moscow
    const groups = slotGroups(callbackSlots(office, now), {
      locale: 'ru',
      visitorZone: 'Europe/Moscow',
      companyZone: 'Europe/Moscow',
      now,
    });
    expect(groups.map((group) => group.label)).toEqual([
      'Сегодня, среда, 4 марта',
      'Завтра, четверг, 5 марта',
      'Пятница, 6 марта',
    ]);
    expect(groups[0]?.options.slice(0, 2)).toEqual([
      { value: '2026-03-04T07:00:00.000Z', time: '10:00' },
      { value: '2026-03-04T07:30:00.000Z', time: '10:30' },
    ]);
    // Lunch is not offered; nothing shows a company time when the zones agree.
    expect(groups[0]?.options.map((option) => option.time)).not.toContain('13:00');
    expect(groups.flatMap((group) => group.options).some((option) => option.companyTime)).toBe(
      false,
    );
  });

  it('labels the same instants in the visitor zone, across a DST change, with company time', () => {
    const slots = callbackSlots(office, friday);
    const groups = slotGroups(slots, {
      locale: 'en-GB',
      visitorZone: 'America/New_York',
      companyZone: 'Europe/Moscow',
      now: friday,
    });
    // Friday, then Tuesday (Monday 9 March is a holiday in Russia); New York moved to EDT on the 8th.
    expect(groups.map((group) => group.date)).toEqual(['2026-03-06', '2026-03-10', '2026-03-11']);
    expect(groups[0]?.options[0]).toEqual({
      value: '2026-03-06T07:00:00.000Z',
      time: '02:00',
      companyTime: '10:00',
    });
    expect(groups[1]?.options[0]).toEqual({
      value: '2026-03-10T06:00:00.000Z',
      time: '02:00',
      companyTime: '09:00',
    });
    expect(groups.flatMap((group) => group.options).map((option) => option.value)).toEqual(
      slots.map((slot) => slot.start.toISOString()),
    );
  });

  it('splits a company day that spans two visitor days', () => {
    const groups = slotGroups(callbackSlots(office, friday, { days: 1 }), {
      locale: 'en-GB',
      visitorZone: 'Asia/Tokyo', // +6 from Moscow: 17:00 Moscow is 23:00, 16:30 is 22:30 — same day
      companyZone: 'Europe/Moscow',
      now: friday,
    });
    expect(groups).toHaveLength(1);
    const late = slotGroups(callbackSlots(office, friday, { days: 1 }), {
      locale: 'en-GB',
      visitorZone: 'Pacific/Kiritimati', // +14: 10:00 Moscow is 21:00, 11:00 is 22:00, 13:00 is 00:00
      companyZone: 'Europe/Moscow',
      now: friday,
    });
    expect(late.map((group) => [group.label, group.options.length])).toEqual([
      ['Today, Friday 6 March', 6],
      ['Tomorrow, Saturday 7 March', 6],
    ]);
  });
});
