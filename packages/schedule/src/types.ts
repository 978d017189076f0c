/** A day of the week, as keys of {@link ScheduleInput.week}. */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** A span of wall-clock time, "HH:MM"; as `to`, "23:59" and "24:00" mean the end of the day. */
export interface Span {
  from: string;
  to: string;
}

/** Working hours of one day, with optional breaks cut out of them. */
export interface DayHours extends Span {
  breaks?: Span[];
}

/** A country whose production calendar the engine knows. */
export type Country = 'ru' | 'by' | 'kz' | 'uz';

/** What a production calendar says of a date: a day off, a shortened working day, or a worked weekend day. */
export type DayKind = 'off' | 'short' | 'work';

/** A date whose hours differ from the weekly schedule. */
export interface ScheduleException {
  /** "YYYY-MM-DD" in the company's zone; an empty date is dropped. */
  date: string;
  from?: string;
  to?: string;
  closed?: boolean;
}

/** A company's schedule as the settings store it. */
export interface ScheduleInput {
  /** IANA zone of the company. */
  timeZone: string;
  /** Missing or null = day off. */
  week: Partial<Record<Weekday, DayHours | null>>;
  /** The "lunch break" toggle: one span cut from every working day. */
  lunch?: Span | null;
  /** Honour the country's production calendar (days off, worked weekends). */
  holidays?: boolean;
  /** Shortened pre-holiday days end one hour earlier. */
  preHoliday?: boolean;
  /** Country of the production calendar; default 'ru'. */
  country?: Country;
  exceptions?: ScheduleException[];
}

/**
 * The calendar days of a date range, compact enough to ship to a browser:
 * dates inside [from, to] that are not listed are ordinary days.
 */
export interface CalendarDays {
  country: Country;
  /** First date covered, "YYYY-MM-DD". */
  from: string;
  /** Last date covered, "YYYY-MM-DD". */
  to: string;
  /** Date "YYYY-MM-DD" → what the calendar says of it. */
  days: Record<string, DayKind>;
}

/** A callback slot: a span of real time. */
export interface Slot {
  start: Date;
  end: Date;
}
