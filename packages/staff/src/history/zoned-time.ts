/**
 * Times as staff read them: in the viewer's own zone, with the company's (the widget's schedule
 * zone) beside it when the clock there shows another time.
 */

/** `4 Mar 2026, 10:01` at `at` in `timeZone`. */
export function wallClock(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
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
): { viewer: string; company: string | null } {
  const viewer = wallClock(at, viewerZone);
  const company = companyZone ? wallClock(at, companyZone) : viewer;
  return { viewer, company: company === viewer ? null : `${company} ${companyZone}` };
}

/** The browser's own zone. */
export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** A date field's `YYYY-MM-DD` as the instant its day starts in `timeZone`, ISO. */
export function dayStart(date: string, timeZone: string): string {
  const guess = Date.parse(`${date}T00:00:00Z`);
  // The zone's offset at that moment: how far its wall clock runs from UTC (DST-safe enough for
  // a midnight, which no zone skips at the hour the offset changes).
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(guess);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return new Date(guess - (wall - guess)).toISOString();
}

/** `m:ss` of a duration in seconds. */
export function minutesSeconds(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
