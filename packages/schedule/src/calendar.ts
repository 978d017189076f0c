/**
 * The built-in production calendars: generated data for the years it covers, fixed-date holidays
 * for the others. Dates are plain "YYYY-MM-DD" strings; arithmetic is in UTC, no time zones.
 */
import { calendarData } from './calendar-data';
import { fixedHolidays } from './fixed-holidays';
import type { CalendarDays, Country, DayKind } from './types';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const KIND_OF_LETTER: Readonly<Record<string, DayKind>> = { o: 'off', s: 'short', w: 'work' };

/** Country → year → "MMDD" → kind, each year parsed from its string on first use. */
const parsedYears = new Map<Country, Map<number, ReadonlyMap<string, DayKind>>>();
const fixedSets = new Map<Country, ReadonlySet<string>>();
const coverages = new Map<Country, { from: number; to: number }>();

function assertCountry(country: Country): void {
  // Callers may hand over unchecked input (settings, query strings): the type alone proves nothing.
  if (typeof country !== 'string' || !Object.hasOwn(calendarData, country)) {
    throw new RangeError(`Unknown country "${String(country)}": expected one of ru, by, kz, uz`);
  }
}

/** Year and "MMDD" of a real date "YYYY-MM-DD"; a RangeError otherwise. */
function parseDate(date: string): { year: number; mmdd: string } {
  const m = typeof date === 'string' ? DATE_RE.exec(date) : null;
  const year = Number(m?.[1]);
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  if (!m || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Malformed date "${String(date)}": expected a real date "YYYY-MM-DD"`);
  }
  return { year, mmdd: date.slice(5, 7) + date.slice(8, 10) };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The parsed data of a year, or undefined when the year has no data. */
function yearData(country: Country, year: number): ReadonlyMap<string, DayKind> | undefined {
  let years = parsedYears.get(country);
  if (!years) {
    years = new Map();
    parsedYears.set(country, years);
  }
  const cached = years.get(year);
  if (cached) return cached;
  const entries = calendarData[country][year];
  if (entries === undefined) return undefined;
  const days = new Map<string, DayKind>();
  for (const entry of entries.split(' ')) {
    const kind = KIND_OF_LETTER[entry.slice(4)];
    if (kind) days.set(entry.slice(0, 4), kind);
  }
  years.set(year, days);
  return days;
}

function fixedSet(country: Country): ReadonlySet<string> {
  let set = fixedSets.get(country);
  if (!set) {
    set = new Set(fixedHolidays[country]);
    fixedSets.set(country, set);
  }
  return set;
}

function kindOf(country: Country, year: number, mmdd: string): DayKind | undefined {
  const data = yearData(country, year);
  if (data) return data.get(mmdd);
  return fixedSet(country).has(mmdd) ? 'off' : undefined;
}

/**
 * The first and last year the built-in production calendar of `country` has data for; other
 * years fall back to fixed-date holidays.
 * @throws {RangeError} for an unknown country.
 */
export function calendarCoverage(country: Country): { from: number; to: number } {
  assertCountry(country);
  let coverage = coverages.get(country);
  if (!coverage) {
    const years = Object.keys(calendarData[country]).map(Number);
    coverage = { from: Math.min(...years), to: Math.max(...years) };
    coverages.set(country, coverage);
  }
  return { ...coverage };
}

/**
 * What the built-in production calendar says of `date` ("YYYY-MM-DD"): for a year with data,
 * 'off', 'short' or 'work' as the data lists it; for other years, 'off' on a fixed-date holiday.
 * Undefined means an ordinary day (off on Saturday and Sunday, working otherwise).
 * @throws {RangeError} for an unknown country or a malformed date.
 */
export function builtInDayKind(country: Country, date: string): DayKind | undefined {
  assertCountry(country);
  const { year, mmdd } = parseDate(date);
  return kindOf(country, year, mmdd);
}

/**
 * The calendar days of the `count` dates from `from` ("YYYY-MM-DD") on, `to` being the last:
 * every date of the range that {@link builtInDayKind} does not call ordinary.
 * @throws {RangeError} for an unknown country, a malformed date, or a count that is not a
 * positive integer.
 */
export function calendarDays(country: Country, from: string, count: number): CalendarDays {
  assertCountry(country);
  const start = parseDate(from);
  if (!Number.isSafeInteger(count) || count < 1) {
    throw new RangeError(`Invalid count ${String(count)}: expected a positive integer`);
  }
  const cursor = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  cursor.setUTCFullYear(start.year, Number(from.slice(5, 7)) - 1, Number(from.slice(8, 10)));
  const days: Record<string, DayKind> = {};
  let date = from;
  for (let i = 0; i < count; i++) {
    if (i > 0) {
      cursor.setUTCDate(cursor.getUTCDate() + 1);
      date = formatDate(cursor);
    }
    const kind = kindOf(country, cursor.getUTCFullYear(), date.slice(5, 7) + date.slice(8, 10));
    if (kind) days[date] = kind;
  }
  return { country, from, to: date, days };
}

/** "YYYY-MM-DD" of a UTC date; a RangeError past year 9999, which the format cannot write. */
function formatDate(d: Date): string {
  const year = d.getUTCFullYear();
  if (year > 9999) throw new RangeError('The date range goes past 9999-12-31');
  const month = String(d.getUTCMonth() + 1).padStart(2, '0');
  const day = String(d.getUTCDate()).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${month}-${day}`;
}
