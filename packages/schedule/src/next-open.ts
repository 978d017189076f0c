import type { Schedule } from './create-schedule';
import { datesFrom, intervalsOn } from './working-intervals';

/** The first instant at or after `at` when the company works: `at` itself when open; null if never within about a year. */
export function nextOpen(s: Schedule, at: Date): Date | null {
  const ms = at.getTime();
  for (const date of datesFrom(s, ms)) {
    for (const [start, end] of intervalsOn(s, date)) {
      if (end > ms) return new Date(Math.max(start, ms));
    }
  }
  return null;
}
