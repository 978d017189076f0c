/**
 * Wall clock ↔ instant in an IANA zone with nothing but Intl. Ambiguous and skipped wall times
 * resolve as Temporal's "compatible" does: the earlier instant in an overlap, and in a gap the
 * time shifted forward by the gap's length.
 */

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether the runtime knows `timeZone` as an IANA zone. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock of instant `ms` in `timeZone`, as milliseconds read as if UTC (whole seconds). */
function wallClock(timeZone: string, ms: number): number {
  const parts = formatter(timeZone).formatToParts(ms);
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
}

/** The zone's offset from UTC at instant `ms`, in milliseconds. */
export function offsetAt(timeZone: string, ms: number): number {
  return wallClock(timeZone, ms) - Math.floor(ms / 1000) * 1000;
}

/** The local date "YYYY-MM-DD" of instant `ms` in `timeZone`. */
export function localDate(timeZone: string, ms: number): string {
  return new Date(wallClock(timeZone, ms)).toISOString().slice(0, 10);
}

/** The instant at which the zone's wall clock reads `wall` (milliseconds read as if UTC). */
export function wallToInstant(timeZone: string, wall: number): number {
  const before = offsetAt(timeZone, wall - DAY_MS);
  const after = offsetAt(timeZone, wall + DAY_MS);
  const early = wall - before;
  if (before === after) return early;
  const late = wall - after;
  const earlyValid = offsetAt(timeZone, early) === before;
  const lateValid = offsetAt(timeZone, late) === after;
  if (earlyValid && lateValid) return Math.min(early, late);
  if (lateValid) return late;
  // Valid with the earlier offset, or a skipped wall time: the earlier offset moves it past the gap.
  return early;
}
