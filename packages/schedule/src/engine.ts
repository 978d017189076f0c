/**
 * The schedule engine without built-in calendar data, for browser bundles: the calendar comes
 * from the {@link CalendarDays} the platform ships in the widget's public config.
 */
import { buildSchedule, lookupInDays, type Schedule } from './create-schedule';
import type { CalendarDays, ScheduleInput } from './types';

/**
 * Validates and normalises a schedule whose production calendar is `days` (dates outside their
 * range are ordinary days); without `days` no calendar applies.
 * @throws {ScheduleError} naming the first invalid field.
 */
export function createSchedule(input: ScheduleInput, days?: CalendarDays): Schedule {
  return buildSchedule(input, (country) =>
    days === undefined ? () => undefined : lookupInDays(days, country),
  );
}

export type { SlotOptions } from './callback-slots';
export { callbackSlots } from './callback-slots';
export type { Schedule } from './create-schedule';
export { dateIn } from './date-in';
export { isOpen } from './is-open';
export { nextOpen } from './next-open';
export { ScheduleError } from './schedule-error';
export { templates } from './templates';
export type {
  CalendarDays,
  Country,
  DayHours,
  DayKind,
  ScheduleException,
  ScheduleInput,
  Slot,
  Span,
  Weekday,
} from './types';
export { workingHours } from './working-hours';
