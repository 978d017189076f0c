import { createSchedule, ScheduleError, type ScheduleInput } from '@frontdesk/schedule';
import { describe, expect, it } from 'vitest';

const valid: ScheduleInput = {
  timeZone: 'Europe/Moscow',
  week: { mon: { from: '09:00', to: '18:00', breaks: [{ from: '11:00', to: '11:15' }] } },
  lunch: { from: '13:00', to: '14:00' },
  exceptions: [{ date: '2026-03-10', closed: true }],
};

/** The path of the ScheduleError thrown for `input`. */
function errorPath(input: unknown): string {
  try {
    createSchedule(input as ScheduleInput);
  } catch (error) {
    expect(error).toBeInstanceOf(ScheduleError);
    expect(error).toBeInstanceOf(Error);
    return (error as ScheduleError).path;
  }
  throw new Error('expected a ScheduleError');
}

describe('createSchedule', () => {
  it('accepts a valid schedule and fills the defaults', () => {
    const s = createSchedule(valid);
    expect(s.country).toBe('ru');
    expect(s.holidays).toBe(false);
    expect(s.preHoliday).toBe(false);
    expect(s.week.mon).toEqual({ hours: [540, 1080], breaks: [[660, 675]] });
    expect(s.week.tue).toBeNull();
    expect(s.lunch).toEqual([780, 840]);
    expect(s.exceptions.get('2026-03-10')).toBeNull();
  });

  it('reads "23:59" and "24:00" as the end of the day', () => {
    for (const to of ['23:59', '24:00']) {
      expect(
        createSchedule({ timeZone: 'UTC', week: { sun: { from: '00:00', to } } }).week.sun,
      ).toEqual({
        hours: [0, 1440],
        breaks: [],
      });
    }
  });

  it('drops exceptions with an empty date', () => {
    const s = createSchedule({
      ...valid,
      exceptions: [
        { date: '', closed: true },
        { date: '   ', from: '10:00', to: '11:00' },
        { date: '2026-05-05', from: '10:00', to: '11:00' },
      ],
    });
    expect([...s.exceptions]).toEqual([['2026-05-05', [600, 660]]]);
  });

  it.each([
    ['not an object', null, ''],
    ['unknown zone', { ...valid, timeZone: 'Mars/Olympus' }, 'timeZone'],
    ['zone not a string', { ...valid, timeZone: 3 }, 'timeZone'],
    ['unknown country', { ...valid, country: 'us' }, 'country'],
    ['week not an object', { ...valid, week: [] }, 'week'],
    [
      'unknown weekday',
      { ...valid, week: { monday: { from: '09:00', to: '18:00' } } },
      'week.monday',
    ],
    ['day not an object', { ...valid, week: { tue: '9-18' } }, 'week.tue'],
    ['bad from', { ...valid, week: { mon: { from: '9:00', to: '18:00' } } }, 'week.mon.from'],
    ['from 24:00', { ...valid, week: { mon: { from: '24:00', to: '24:00' } } }, 'week.mon.from'],
    ['bad to', { ...valid, week: { mon: { from: '09:00', to: '18:60' } } }, 'week.mon.to'],
    ['to before from', { ...valid, week: { wed: { from: '18:00', to: '09:00' } } }, 'week.wed.to'],
    [
      'to equal to from',
      { ...valid, week: { wed: { from: '09:00', to: '09:00' } } },
      'week.wed.to',
    ],
    [
      'breaks not a list',
      { ...valid, week: { fri: { from: '09:00', to: '18:00', breaks: {} } } },
      'week.fri.breaks',
    ],
    [
      'bad break',
      {
        ...valid,
        week: {
          fri: {
            from: '09:00',
            to: '18:00',
            breaks: [
              { from: '10:00', to: '10:30' },
              { from: '12:00', to: '11:00' },
            ],
          },
        },
      },
      'week.fri.breaks[1].to',
    ],
    ['bad lunch from', { ...valid, lunch: { from: 'noon', to: '14:00' } }, 'lunch.from'],
    ['lunch to before from', { ...valid, lunch: { from: '14:00', to: '13:00' } }, 'lunch.to'],
    ['holidays not boolean', { ...valid, holidays: 'yes' }, 'holidays'],
    ['preHoliday not boolean', { ...valid, preHoliday: 1 }, 'preHoliday'],
    ['exceptions not a list', { ...valid, exceptions: {} }, 'exceptions'],
    [
      'exception not an object',
      { ...valid, exceptions: [{ date: '2026-01-01', closed: true }, 5] },
      'exceptions[1]',
    ],
    [
      'exception bad date',
      {
        ...valid,
        exceptions: [
          { date: '', closed: true },
          { date: '2026-02-30', closed: true },
        ],
      },
      'exceptions[1].date',
    ],
    [
      'exception date not shaped as one',
      { ...valid, exceptions: [{ date: '5 Jan 2026', closed: true }] },
      'exceptions[0].date',
    ],
    [
      'exception date not a string',
      { ...valid, exceptions: [{ date: 20260101, closed: true }] },
      'exceptions[0].date',
    ],
    [
      'exception repeated date',
      {
        ...valid,
        exceptions: [
          { date: '2026-01-05', closed: true },
          { date: '2026-01-05', from: '10:00', to: '12:00' },
        ],
      },
      'exceptions[1].date',
    ],
    [
      'exception without hours',
      { ...valid, exceptions: [{ date: '2026-01-05' }] },
      'exceptions[0].from',
    ],
    [
      'exception bad to',
      { ...valid, exceptions: [{ date: '2026-01-05', from: '10:00', to: '25:00' }] },
      'exceptions[0].to',
    ],
    [
      'exception closed not boolean',
      { ...valid, exceptions: [{ date: '2026-01-05', closed: 'yes' }] },
      'exceptions[0].closed',
    ],
  ])('%s → ScheduleError at "%s"', (_, input, path) => {
    expect(errorPath(input)).toBe(path);
  });

  it('says what is wrong in the message, after the path', () => {
    expect(() => createSchedule({ ...valid, lunch: { from: '14:00', to: '13:00' } })).toThrow(
      'lunch.to: must be after "from"',
    );
  });
});
