import {
  calendarDays,
  callbackSlots,
  createSchedule,
  isOpen,
  nextOpen,
  type ScheduleInput,
  templates,
} from '@frontdesk/schedule';
import * as engine from '@frontdesk/schedule/engine';
import { describe, expect, it } from 'vitest';

const input: ScheduleInput = {
  timeZone: 'Europe/Moscow',
  week: templates.standard,
  lunch: { from: '13:00', to: '14:00' },
  holidays: true,
  preHoliday: true,
};

describe('engine door with shipped calendar days', () => {
  const days = calendarDays('ru', '2026-12-20', 60);
  const shipped = engine.createSchedule(input, days);
  const builtIn = createSchedule(input);

  it('answers exactly as the built-in calendar inside the range', () => {
    const from = Date.parse('2026-12-20T00:00:00+03:00');
    for (let h = 0; h < 40 * 24; h += 5) {
      const at = new Date(from + h * 3_600_000);
      expect(engine.isOpen(shipped, at)).toBe(isOpen(builtIn, at));
      expect(engine.nextOpen(shipped, at)).toEqual(nextOpen(builtIn, at));
      expect(engine.callbackSlots(shipped, at)).toEqual(callbackSlots(builtIn, at));
    }
  });

  it('the main door takes shipped days too', () => {
    const at = new Date('2026-12-30T20:00:00+03:00');
    expect(callbackSlots(createSchedule(input, days), at)).toEqual(callbackSlots(builtIn, at));
  });

  it('without days the engine door knows no calendar', () => {
    const none = engine.createSchedule(input);
    expect(engine.isOpen(none, new Date('2027-01-05T10:00:00+03:00'))).toBe(true);
    expect(isOpen(builtIn, new Date('2027-01-05T10:00:00+03:00'))).toBe(false);
  });

  it('refuses days of another country', () => {
    expect(() => engine.createSchedule({ ...input, country: 'kz' }, days)).toThrow(
      expect.objectContaining({ name: 'ScheduleError', path: 'country' }),
    );
  });

  it('refuses something that is not calendar days', () => {
    expect(() => engine.createSchedule(input, { days: 1 } as never)).toThrow(
      expect.objectContaining({ path: 'days' }),
    );
  });
});
