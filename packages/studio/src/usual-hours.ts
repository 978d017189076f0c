/**
 * The hours a date-specific exception starts with when it is switched to open: the week's hours
 * of that weekday, or of the first working day, or a plain 09:00–18:00 when no day works.
 */
import type { ScheduleInput, Weekday } from '@frontdesk/schedule';

const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MONDAY_FIRST: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** The usual from–to of `date` ("YYYY-MM-DD", or '' while not chosen) in `week`. */
export function usualHours(
  week: ScheduleInput['week'],
  date: string,
): { from: string; to: string } {
  // The weekday of a calendar date, whatever the marketer's zone: noon UTC of that date.
  const day = /^\d{4}-\d{2}-\d{2}$/.test(date)
    ? WEEKDAYS[new Date(`${date}T12:00:00Z`).getUTCDay()]
    : undefined;
  const hours = (day && week[day]) || MONDAY_FIRST.map((d) => week[d]).find(Boolean);
  return hours ? { from: hours.from, to: hours.to } : { from: '09:00', to: '18:00' };
}
