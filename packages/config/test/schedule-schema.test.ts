import { defaultSettings, parseSettings, ScheduleSchema } from '@frontdesk/config';
import { type ScheduleInput, templates } from '@frontdesk/schedule';
import * as v from 'valibot';
import { describe, expect, expectTypeOf, it } from 'vitest';

const base: ScheduleInput = {
  timeZone: 'Europe/Moscow',
  country: 'ru',
  week: { mon: { from: '09:00', to: '18:00' }, tue: { from: '09:00', to: '18:00' } },
  lunch: null,
  holidays: true,
};

/** The issue paths of settings whose schedule is `schedule`. */
function paths(schedule: unknown): string[] {
  const result = parseSettings({ ...defaultSettings('callback'), schedule });
  return result.ok ? [] : result.issues.map((i) => i.path);
}

describe('ScheduleSchema', () => {
  it("is the engine's ScheduleInput, both ways", () => {
    expectTypeOf<v.InferOutput<typeof ScheduleSchema>>().toExtend<ScheduleInput>();
    expectTypeOf<ScheduleInput>().toExtend<v.InferInput<typeof ScheduleSchema>>();
    expect(v.parse(ScheduleSchema, { timeZone: 'UTC', week: templates.always })).toEqual({
      timeZone: 'UTC',
      week: templates.always,
    });
  });

  it.each([
    [
      'to before from (engine)',
      { ...base, week: { mon: { from: '18:00', to: '09:00' } } },
      'schedule.week.mon.to',
    ],
    [
      'a malformed time',
      { ...base, week: { mon: { from: '9:00', to: '18:00' } } },
      'schedule.week.mon.from',
    ],
    [
      'from 24:00 (engine)',
      { ...base, week: { sun: { from: '24:00', to: '24:00' } } },
      'schedule.week.sun.from',
    ],
    [
      'a time of the wrong type',
      { ...base, week: { wed: { from: 9, to: '18:00' } } },
      'schedule.week.wed.from',
    ],
    [
      'a break ending before it starts (engine)',
      {
        ...base,
        week: {
          tue: {
            from: '09:00',
            to: '18:00',
            breaks: [
              { from: '13:00', to: '14:00' },
              { from: '16:00', to: '15:00' },
            ],
          },
        },
      },
      'schedule.week.tue.breaks[1].to',
    ],
    ['an unknown zone (engine)', { ...base, timeZone: 'Mars/Olympus' }, 'schedule.timeZone'],
    ['an empty zone', { ...base, timeZone: '' }, 'schedule.timeZone'],
    ['an unknown country', { ...base, country: 'us' }, 'schedule.country'],
    [
      'lunch the wrong way round (engine)',
      { ...base, lunch: { from: '14:00', to: '13:00' } },
      'schedule.lunch.to',
    ],
    ['holidays not a boolean', { ...base, holidays: 'yes' }, 'schedule.holidays'],
    ['week not an object', { ...base, week: [] }, 'schedule.week'],
    ['a missing week', { timeZone: 'UTC' }, 'schedule.week'],
    ['exceptions not a list', { ...base, exceptions: {} }, 'schedule.exceptions'],
    [
      'an impossible date (engine)',
      { ...base, exceptions: [{ date: '2026-02-30', closed: true }] },
      'schedule.exceptions[0].date',
    ],
    [
      'a malformed date',
      { ...base, exceptions: [{ date: '30.01.2026', closed: true }] },
      'schedule.exceptions[0].date',
    ],
    [
      'an open exception without hours (engine)',
      { ...base, exceptions: [{ date: '2026-03-10' }] },
      'schedule.exceptions[0].from',
    ],
  ])('puts %s at its field', (_, schedule, path) => {
    expect(paths(schedule)).toEqual([path]);
  });

  it('keeps the indices of the input in engine paths, blank rows included', () => {
    const schedule = {
      ...base,
      exceptions: [
        { date: '', closed: true },
        { date: '2026-01-05', closed: true },
        { date: '2026-01-05', from: '10:00', to: '12:00' },
      ],
    };
    const result = parseSettings({ ...defaultSettings('call'), schedule });
    expect(result).toEqual({
      ok: false,
      issues: [{ path: 'schedule.exceptions[2].date', message: 'repeats 2026-01-05' }],
    });
  });

  it('drops exceptions with empty dates, keeping the rest in order', () => {
    const out = v.parse(ScheduleSchema, {
      ...base,
      exceptions: [
        { date: '', closed: true },
        { date: '2026-05-04', from: '10:00', to: '15:00' },
        { date: '   ', from: '10:00', to: '11:00' },
        { date: '2026-01-05', closed: true },
      ],
    });
    expect(out.exceptions).toEqual([
      { date: '2026-05-04', from: '10:00', to: '15:00' },
      { date: '2026-01-05', closed: true },
    ]);
  });

  it('does not ask the engine about a schedule valibot already refused', () => {
    // One issue per problem: the engine would report the same malformed time again.
    const result = v.safeParse(ScheduleSchema, { ...base, week: { mon: { from: 'x', to: 'y' } } });
    expect(result.issues?.map((i) => i.message)).toEqual([
      'must be a time "HH:MM"',
      'must be a time "HH:MM"',
    ]);
  });

  it('strips unknown keys, like every settings object', () => {
    const out = v.parse(ScheduleSchema, {
      ...base,
      colour: 'red',
      week: { ...base.week, monday: {} },
    });
    expect(out).toEqual(base);
  });
});
