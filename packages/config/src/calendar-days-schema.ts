/** The production-calendar days a public config carries for the browser's schedule decisions. */
import * as v from 'valibot';

const DateSchema = v.pipe(
  v.string('must be a date "YYYY-MM-DD"'),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date "YYYY-MM-DD"'),
);

/** `CalendarDays` of `@frontdesk/schedule`: dates of a range that are not ordinary days. */
export const CalendarDaysSchema = v.object({
  country: v.picklist(['ru', 'by', 'kz', 'uz'], 'must be one of ru, by, kz, uz'),
  from: DateSchema,
  to: DateSchema,
  days: v.record(DateSchema, v.picklist(['off', 'short', 'work'], 'must be off, short or work')),
});
