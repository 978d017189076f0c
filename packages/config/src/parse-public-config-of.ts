/**
 * Validating one widget type's public config: a module that imports no type's schema, so a
 * widget's bundle carries its own type's schema only, even when several widgets are built
 * together (a module's place among the chunks follows its imports).
 */
import * as v from 'valibot';
import { type ParseResult, parseWith, pathItems } from './issues';

/** What the country check reads of a public config. */
export interface Dated {
  schedule: { country?: string | undefined };
  calendar: { country: string };
}

/** The engine refuses a calendar of another country: say so here, naming the field. */
/* @__NO_SIDE_EFFECTS__ */
export function calendarOfScheduleCountry<T extends Dated>() {
  return v.rawCheck<T>(({ dataset, addIssue }) => {
    if (!dataset.typed || dataset.issues) return;
    const { schedule, calendar } = dataset.value;
    if ((schedule.country ?? 'ru') !== calendar.country) {
      addIssue({
        message: `is for ${calendar.country}, but the schedule's country is ${schedule.country ?? 'ru'}`,
        path: pathItems(dataset.value, ['calendar', 'country']),
      });
    }
  });
}

/**
 * Like `parsePublicConfig`, for one widget type's schema: a widget's bundle then carries
 * its own type's schema only.
 */
export function parsePublicConfigOf<S extends v.GenericSchema<unknown, Dated>>(
  schema: S,
  input: unknown,
): ParseResult<v.InferOutput<S>> {
  return parseWith(v.pipe(schema, calendarOfScheduleCountry()), input);
}
