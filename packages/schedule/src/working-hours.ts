import type { Schedule } from './create-schedule';
import { isDate } from './dates';
import type { Slot } from './types';
import { intervalsOn } from './working-intervals';

/** The real-time spans worked on a company-zone date "YYYY-MM-DD", breaks cut out, in order. */
export function workingHours(s: Schedule, date: string): Slot[] {
  if (!isDate(date)) throw new RangeError(`"${date}" is not a date "YYYY-MM-DD"`);
  return intervalsOn(s, date).map(([start, end]) => ({
    start: new Date(start),
    end: new Date(end),
  }));
}
