/** The visitor's wall clock, for operators who answer people in other time zones. */

/**
 * The time it is at `now` in the IANA zone `timeZone` (e.g. "16:00"), or undefined when the
 * zone is missing or unknown to this browser's Intl.
 */
export function visitorLocalTime(
  timeZone: string | null | undefined,
  now: Date,
  locale?: string,
): string | undefined {
  if (!timeZone) return undefined;
  try {
    return new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }).format(now);
  } catch {
    return undefined;
  }
}
