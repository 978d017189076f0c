import type { Schedule } from './create-schedule';
import { localDate } from './time-zone';
import { intervalsOn } from './working-intervals';

/** Whether the company works at instant `at` (interval starts inclusive, ends exclusive). */
export function isOpen(s: Schedule, at: Date): boolean {
  const ms = at.getTime();
  return intervalsOn(s, localDate(s.timeZone, ms)).some(([start, end]) => ms >= start && ms < end);
}
