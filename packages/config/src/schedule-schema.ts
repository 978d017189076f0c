/**
 * The schedule of a widget: the engine's own `ScheduleInput`, checked twice — valibot for shapes
 * and types (every field gets its own issue, for the Studio's inline errors), then the engine
 * itself, so whatever the settings accept the engine accepts too, and its ScheduleError path
 * becomes the issue path. The engine entry without calendar data is enough here: validation
 * never consults the calendar, and the widget bundle already carries that entry.
 */
import type { ScheduleInput } from '@frontdesk/schedule';
import { createSchedule, ScheduleError } from '@frontdesk/schedule/engine';
import * as v from 'valibot';
import { pathItems, pathKeys } from './issues';
import type { Named } from './named';
import { text } from './text';

const TIME_RE = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** A wall-clock time "HH:MM" ("24:00" is the end of the day; the engine allows it only as `to`). */
const TimeSchema = v.pipe(text(5), v.regex(TIME_RE, 'must be a time "HH:MM"'));

/** A span of wall-clock time. */
export const SpanSchema = v.object({ from: TimeSchema, to: TimeSchema });

/** At most this many breaks per day: more is certainly a mistake. */
export const MAX_BREAKS = 10;

/** Working hours of one day, with optional breaks (the chat's per-day lunch). */
export const DayHoursSchema = v.object({
  from: TimeSchema,
  to: TimeSchema,
  breaks: v.optional(
    v.pipe(
      v.array(SpanSchema, 'must be a list of spans'),
      v.maxLength(MAX_BREAKS, `must have at most ${MAX_BREAKS} breaks`),
    ),
  ),
});

const DaySchema = v.optional(v.nullable(DayHoursSchema));

/**
 * The weekly hours: a missing or null day is a day off. Valibot takes an array for an object,
 * and with every day optional `[]` would pass as a week with no working day at all.
 */
export const WeekSchema = v.pipe(
  v.custom<Record<string, unknown>>(
    (input) => typeof input === 'object' && input !== null && !Array.isArray(input),
    'must be an object keyed by weekday',
  ),
  v.object({
    mon: DaySchema,
    tue: DaySchema,
    wed: DaySchema,
    thu: DaySchema,
    fri: DaySchema,
    sat: DaySchema,
    sun: DaySchema,
  }),
);

/** A date "YYYY-MM-DD", or blank: the Studio's row whose date is not typed yet (dropped). */
const ExceptionDateSchema = v.pipe(
  text(10),
  v.regex(/^\s*$|^\d{4}-\d{2}-\d{2}$/, 'must be a date "YYYY-MM-DD"'),
);

/** A date whose hours differ from the week: its own from–to, or closed. */
export const ScheduleExceptionSchema = v.object({
  date: ExceptionDateSchema,
  from: v.optional(TimeSchema),
  to: v.optional(TimeSchema),
  closed: v.optional(v.boolean('must be true or false')),
});

/** At most this many exceptions: several years of them. */
export const MAX_EXCEPTIONS = 1000;

/** An IANA zone name; whether the runtime knows it is the engine's check. */
const TimeZoneSchema = v.pipe(
  text(64),
  v.check((s: string) => s !== '', 'must be an IANA time zone'),
);

/** Exceptions with empty dates are dropped on save, as the source's Studio does. */
function dropEmptyExceptions<T extends { exceptions?: { date: string }[] | undefined }>(
  schedule: T,
): T {
  if (!schedule.exceptions) return schedule;
  return { ...schedule, exceptions: schedule.exceptions.filter((e) => e.date.trim() !== '') };
}

const scheduleSchema = v.pipe(
  v.object({
    timeZone: TimeZoneSchema,
    country: v.optional(v.picklist(['ru', 'by', 'kz', 'uz'], 'must be one of ru, by, kz, uz')),
    week: WeekSchema,
    lunch: v.optional(v.nullable(SpanSchema)),
    holidays: v.optional(v.boolean('must be true or false')),
    preHoliday: v.optional(v.boolean('must be true or false')),
    exceptions: v.optional(
      v.pipe(
        v.array(ScheduleExceptionSchema, 'must be a list of exceptions'),
        v.maxLength(MAX_EXCEPTIONS, `must have at most ${MAX_EXCEPTIONS} exceptions`),
      ),
    ),
  }),
  v.rawCheck(({ dataset, addIssue }) => {
    // Only a well-typed schedule reaches the engine: its findings would repeat valibot's.
    if (!dataset.typed || dataset.issues) return;
    try {
      // Indices in the engine's paths are those of the input: empty dates are not dropped yet.
      createSchedule(dataset.value as ScheduleInput);
    } catch (error) {
      if (!(error instanceof ScheduleError)) throw error;
      const prefix = `${error.path}: `;
      addIssue({
        message: error.message.startsWith(prefix)
          ? error.message.slice(prefix.length)
          : error.message,
        path: pathItems(dataset.value, pathKeys(error.path)),
      });
    }
  }),
  v.transform(dropEmptyExceptions),
);

/**
 * The type of {@link ScheduleSchema}, named (see named.ts).
 */
export interface ScheduleSchemaType extends Named<typeof scheduleSchema> {}

/**
 * A schedule exactly as `@frontdesk/schedule` takes it; the engine validates it too (its
 * ScheduleError path, e.g. `week.mon.to`, is the issue path), and exceptions with an empty date
 * are dropped from the output.
 */
export const ScheduleSchema: ScheduleSchemaType = scheduleSchema;
