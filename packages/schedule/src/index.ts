/**
 * @frontdesk/schedule — working hours, production calendars (ru, by, kz, uz) and the queries
 * every part of Frontdesk asks of them: is the company open, when does it open, which callback
 * slots can a visitor pick. Pure TypeScript on Intl: runs in browsers and in Node.
 */
import { builtInDayKind } from './calendar';
import { buildSchedule, lookupInDays, type Schedule } from './create-schedule';
import type { CalendarDays, ScheduleInput } from './types';

/**
 * Validates and normalises a schedule. Its production calendar is the built-in data of its
 * country, or `days` when given (the same answers inside their range).
 * @throws {ScheduleError} naming the first invalid field.
 */
export function createSchedule(input: ScheduleInput, days?: CalendarDays): Schedule {
  return buildSchedule(input, (country) =>
    days === undefined ? (date) => builtInDayKind(country, date) : lookupInDays(days, country),
  );
}

export { calendarCoverage, calendarDays } from './calendar';
export type {
  CalendarDays,
  Country,
  DayHours,
  DayKind,
  Schedule,
  ScheduleException,
  ScheduleInput,
  Slot,
  SlotOptions,
  Span,
  Weekday,
} from './engine';
export {
  callbackSlots,
  dateIn,
  isOpen,
  nextOpen,
  ScheduleError,
  templates,
  workingHours,
} from './engine';
export { wallToInstant } from './time-zone';
