import { localDate } from './time-zone';

/** The date "YYYY-MM-DD" that a wall calendar in `timeZone` shows at instant `at`. */
export function dateIn(timeZone: string, at: Date): string {
  return localDate(timeZone, at.getTime());
}
