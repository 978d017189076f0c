/** The hours an exception switched to open starts with. */
import { describe, expect, it } from 'vitest';
import { usualHours } from '../src/usual-hours';

const week = { tue: { from: '10:00', to: '19:00' }, sat: { from: '11:00', to: '15:00' } };

describe('usualHours', () => {
  it("takes the hours of the date's weekday", () => {
    // 2026-03-07 is a Saturday; 2026-03-03 a Tuesday.
    expect(usualHours(week, '2026-03-07')).toEqual({ from: '11:00', to: '15:00' });
    expect(usualHours(week, '2026-03-03')).toEqual({ from: '10:00', to: '19:00' });
  });

  it('takes the first working day of the week for a day off or no date yet', () => {
    expect(usualHours(week, '2026-03-08')).toEqual({ from: '10:00', to: '19:00' });
    expect(usualHours(week, '')).toEqual({ from: '10:00', to: '19:00' });
  });

  it('falls back to 09:00–18:00 when no day works', () => {
    expect(usualHours({}, '2026-03-07')).toEqual({ from: '09:00', to: '18:00' });
  });
});
