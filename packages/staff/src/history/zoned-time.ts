/**
 * Times as staff read them: in the viewer's own zone, with the company's (the widget's schedule
 * zone) beside it when the clock there shows another time.
 */
import { clockLocale } from '@frontdesk/config';
import { wallToInstant } from '@frontdesk/schedule';
import type { Language } from '../i18n/language';

/** `4 Mar 2026, 10:01` (`4 мар. 2026 г., 10:01`) at `at` in `timeZone`, in `language`. */
export function wallClock(at: number, timeZone: string, language: Language): string {
  return new Intl.DateTimeFormat(clockLocale(language), {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
}

/** The viewer's time, and the company's when it differs (else null). */
export function zonedTimes(
  at: number,
  viewerZone: string,
  companyZone: string | undefined,
  language: Language,
): { viewer: string; company: string | null } {
  const viewer = wallClock(at, viewerZone, language);
  const company = companyZone ? wallClock(at, companyZone, language) : viewer;
  return { viewer, company: company === viewer ? null : `${company} ${companyZone}` };
}

/** The browser's own zone. */
export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** A date field's `YYYY-MM-DD` as the instant its day starts in `timeZone`, ISO. */
export function dayStart(date: string, timeZone: string): string {
  return new Date(wallToInstant(timeZone, Date.parse(`${date}T00:00:00Z`))).toISOString();
}

/** `m:ss` of a duration in seconds. */
export function minutesSeconds(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
