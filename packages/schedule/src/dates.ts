/** Calendar dates as "YYYY-MM-DD" strings: no time zone, no clock, just days. */
import type { Weekday } from './types';

const DAY_MS = 86_400_000;
const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a valid date string, or NaN. */
export function dayNumber(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) return Number.NaN;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Date.UTC rolls 02-30 over to March: a real date survives the round trip.
  return formatDayNumber(ms / DAY_MS) === date ? ms / DAY_MS : Number.NaN;
}

/** Whether `date` is a real "YYYY-MM-DD" date. */
export function isDate(date: string): boolean {
  return !Number.isNaN(dayNumber(date));
}

/** The date string of a day number. */
export function formatDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** `date` moved by `days` days. */
export function addDays(date: string, days: number): string {
  return formatDayNumber(dayNumber(date) + days);
}

/** The weekday of a date. */
export function weekdayOf(date: string): Weekday {
  return WEEKDAYS[new Date(dayNumber(date) * DAY_MS).getUTCDay()] as Weekday;
}

/** Milliseconds of midnight of `date` read as if it were UTC: the base for wall-clock arithmetic. */
export function wallMidnight(date: string): number {
  return dayNumber(date) * DAY_MS;
}
