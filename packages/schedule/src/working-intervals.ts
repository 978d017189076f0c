import { type Schedule, workingMinutes } from './create-schedule';
import { addDays, wallMidnight } from './dates';
import { localDate, wallToInstant } from './time-zone';

/** A span of real time in epoch milliseconds, [start, end). */
export type Interval = readonly [start: number, end: number];

/** How far the queries look ahead before they give up: a little over a year. */
export const HORIZON_DAYS = 400;
const MINUTE_MS = 60_000;
const CACHE_LIMIT = 1000;
const cache = new WeakMap<Schedule, Map<string, Interval[]>>();

/**
 * The working intervals of a local date in the company's zone, as real time. Minute 1440 is the
 * next midnight, so a day of 23 or 25 hours (DST) keeps its real length.
 */
export function intervalsOn(s: Schedule, date: string): Interval[] {
  let days = cache.get(s);
  if (!days) {
    days = new Map();
    cache.set(s, days);
  }
  let intervals = days.get(date);
  if (!intervals) {
    const midnight = wallMidnight(date);
    const instant = (minute: number) =>
      minute === 1440
        ? wallToInstant(s.timeZone, wallMidnight(addDays(date, 1)))
        : wallToInstant(s.timeZone, midnight + minute * MINUTE_MS);
    intervals = workingMinutes(s, date)
      .map(([from, to]): Interval => [instant(from), instant(to)])
      .filter(([start, end]) => end > start);
    if (days.size >= CACHE_LIMIT) days.clear();
    days.set(date, intervals);
  }
  return intervals;
}

/** The company-zone dates from the one holding `at`, up to the search horizon. */
export function* datesFrom(s: Schedule, at: number): Generator<string> {
  const first = localDate(s.timeZone, at);
  for (let i = 0; i < HORIZON_DAYS; i++) yield addDays(first, i);
}
