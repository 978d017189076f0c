import { parseFrom, parseTo } from './clock-time';
import { isDate, weekdayOf } from './dates';
import { ScheduleError } from './schedule-error';
import { isTimeZone } from './time-zone';
import type { CalendarDays, Country, DayKind, ScheduleInput, Weekday } from './types';

/** Minutes since midnight, [from, to). */
export type MinuteSpan = readonly [from: number, to: number];

/** One day's hours in minutes, breaks included. */
export interface NormalizedDay {
  readonly hours: MinuteSpan;
  readonly breaks: readonly MinuteSpan[];
}

/** What the production calendar says of a date, if anything. */
export type DayKindLookup = (date: string) => DayKind | undefined;

/** A validated schedule, ready for {@link isOpen}, {@link nextOpen} and {@link callbackSlots}. */
export interface Schedule {
  readonly timeZone: string;
  readonly country: Country;
  readonly holidays: boolean;
  readonly preHoliday: boolean;
  readonly week: Readonly<Record<Weekday, NormalizedDay | null>>;
  readonly lunch: MinuteSpan | null;
  /** Date → its own hours, or null when closed. */
  readonly exceptions: ReadonlyMap<string, MinuteSpan | null>;
  /** The production calendar in force for this schedule. */
  readonly dayKind: DayKindLookup;
}

/** The days of the week in order, Monday first. */
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const COUNTRIES: readonly Country[] = ['ru', 'by', 'kz', 'uz'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function span(value: unknown, path: string): MinuteSpan {
  if (!isRecord(value)) throw new ScheduleError(path, 'must be an object with "from" and "to"');
  const from = parseFrom(value.from);
  if (Number.isNaN(from)) throw new ScheduleError(`${path}.from`, 'must be a time "HH:MM"');
  const to = parseTo(value.to);
  if (Number.isNaN(to)) throw new ScheduleError(`${path}.to`, 'must be a time "HH:MM"');
  if (to <= from) throw new ScheduleError(`${path}.to`, 'must be after "from"');
  return [from, to];
}

function optionalBoolean(value: unknown, path: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw new ScheduleError(path, 'must be true or false');
  return value;
}

function normalizeWeek(week: unknown): Record<Weekday, NormalizedDay | null> {
  if (!isRecord(week)) throw new ScheduleError('week', 'must be an object keyed by weekday');
  for (const key of Object.keys(week)) {
    if (!WEEKDAYS.includes(key as Weekday)) {
      throw new ScheduleError(`week.${key}`, `is not a weekday (${WEEKDAYS.join(', ')})`);
    }
  }
  const days = {} as Record<Weekday, NormalizedDay | null>;
  for (const day of WEEKDAYS) {
    const value = week[day];
    const path = `week.${day}`;
    if (value === undefined || value === null) {
      days[day] = null;
      continue;
    }
    const hours = span(value, path);
    const breaks = (value as { breaks?: unknown }).breaks;
    if (breaks !== undefined && !Array.isArray(breaks)) {
      throw new ScheduleError(`${path}.breaks`, 'must be a list of spans');
    }
    days[day] = { hours, breaks: (breaks ?? []).map((b, i) => span(b, `${path}.breaks[${i}]`)) };
  }
  return days;
}

function normalizeExceptions(exceptions: unknown): Map<string, MinuteSpan | null> {
  const result = new Map<string, MinuteSpan | null>();
  if (exceptions === undefined) return result;
  if (!Array.isArray(exceptions)) throw new ScheduleError('exceptions', 'must be a list');
  exceptions.forEach((entry: unknown, i) => {
    const path = `exceptions[${i}]`;
    if (!isRecord(entry)) throw new ScheduleError(path, 'must be an object');
    const date = entry.date;
    // The Studio leaves rows with no date while the marketer types: they are dropped, not errors.
    if (date === undefined || date === null || (typeof date === 'string' && date.trim() === '')) {
      return;
    }
    if (typeof date !== 'string' || !isDate(date)) {
      throw new ScheduleError(`${path}.date`, 'must be a date "YYYY-MM-DD"');
    }
    if (result.has(date)) throw new ScheduleError(`${path}.date`, `repeats ${date}`);
    const closed = optionalBoolean(entry.closed, `${path}.closed`);
    result.set(date, closed ? null : span(entry, path));
  });
  return result;
}

/**
 * Validates and normalises a schedule. `dayKind` is the production calendar to honour; callers
 * use the public `createSchedule` of `index.ts` (built-in data) or `engine.ts` (shipped days).
 * @throws {ScheduleError} naming the first invalid field.
 */
export function buildSchedule(
  input: ScheduleInput,
  dayKind: (country: Country) => DayKindLookup,
): Schedule {
  if (!isRecord(input)) throw new ScheduleError('', 'a schedule must be an object');
  if (typeof input.timeZone !== 'string' || !isTimeZone(input.timeZone)) {
    throw new ScheduleError(
      'timeZone',
      `"${String(input.timeZone)}" is not a known IANA time zone`,
    );
  }
  const country = input.country ?? 'ru';
  if (!COUNTRIES.includes(country)) {
    throw new ScheduleError('country', `must be one of ${COUNTRIES.join(', ')}`);
  }
  const lunch =
    input.lunch === undefined || input.lunch === null ? null : span(input.lunch, 'lunch');
  return Object.freeze({
    timeZone: input.timeZone,
    country,
    holidays: optionalBoolean(input.holidays, 'holidays'),
    preHoliday: optionalBoolean(input.preHoliday, 'preHoliday'),
    week: Object.freeze(normalizeWeek(input.week)),
    lunch,
    exceptions: normalizeExceptions(input.exceptions),
    dayKind: dayKind(country),
  });
}

/** A calendar lookup over shipped {@link CalendarDays}; dates outside their range are ordinary. */
export function lookupInDays(days: CalendarDays, country: Country): DayKindLookup {
  if (!isRecord(days) || !isRecord(days.days) || !isDate(days.from) || !isDate(days.to)) {
    throw new ScheduleError('days', 'must be calendar days from calendarDays()');
  }
  if (days.country !== country) {
    throw new ScheduleError(
      'country',
      `is ${country}, but the calendar days are for ${days.country}`,
    );
  }
  return (date) => days.days[date];
}

/** The minute spans worked on a local date, breaks and lunch cut out, in order. */
export function workingMinutes(s: Schedule, date: string): MinuteSpan[] {
  let day: NormalizedDay | null;
  if (s.exceptions.has(date)) {
    // An exception replaces the date's hours entirely: no calendar, no day breaks; lunch stays.
    const hours = s.exceptions.get(date);
    day = hours ? { hours, breaks: [] } : null;
  } else {
    const kind = s.dayKind(date);
    if (s.holidays && kind === 'off') return [];
    const weekday = weekdayOf(date);
    day = s.week[weekday];
    if (!day && s.holidays && kind !== undefined && (weekday === 'sat' || weekday === 'sun')) {
      // A weekend the calendar makes a working day borrows the first working weekday's hours.
      day = firstWeekdayHours(s);
    }
    if (day && s.preHoliday && kind === 'short') {
      day = { hours: [day.hours[0], day.hours[1] - 60], breaks: day.breaks };
    }
  }
  if (!day) return [];
  const cuts = s.lunch ? [...day.breaks, s.lunch] : day.breaks;
  return subtract(day.hours, cuts);
}

function firstWeekdayHours(s: Schedule): NormalizedDay | null {
  for (const day of WEEKDAYS.slice(0, 5)) {
    const hours = s.week[day];
    if (hours) return hours;
  }
  return null;
}

/** `whole` minus every cut, as ordered non-empty spans. */
function subtract(whole: MinuteSpan, cuts: readonly MinuteSpan[]): MinuteSpan[] {
  let spans: MinuteSpan[] = whole[1] > whole[0] ? [whole] : [];
  for (const [cutFrom, cutTo] of cuts) {
    spans = spans.flatMap(([from, to]): MinuteSpan[] => {
      if (cutTo <= from || cutFrom >= to) return [[from, to]];
      const parts: MinuteSpan[] = [];
      if (cutFrom > from) parts.push([from, cutFrom]);
      if (cutTo < to) parts.push([cutTo, to]);
      return parts;
    });
  }
  return spans;
}
