/**
 * A chosen slot as the visitor reads it wherever its time shows (the time field, the send
 * button, the confirmation): with its day, "tomorrow, Mon 7 Dec, 06:00" / "завтра, пн, 7 дек.,
 * 06:00" — by `Intl` in the visitor's locale and time zone, "today" and "tomorrow" by the clock.
 */
import { dateIn } from '@frontdesk/schedule/engine';

const DAY_MS = 86_400_000;

/** Where and when a slot is read. */
export interface SlotReading {
  /** For Intl formatting (see `formatLocale`). */
  locale: string;
  visitorZone: string;
  /** For "today" and "tomorrow". */
  now: Date;
}

/** Days from the visitor's today to the day of `at` (0 today, 1 tomorrow), in `visitorZone`. */
export function daysAhead(at: Date, { visitorZone, now }: SlotReading): number {
  return Math.round(
    (Date.parse(dateIn(visitorZone, at)) - Date.parse(dateIn(visitorZone, now))) / DAY_MS,
  );
}

/** "today"/"tomorrow" in `locale` for 0 and 1 days ahead; undefined for any other day. */
export function relativeDay(days: number, locale: string): string | undefined {
  return days === 0 || days === 1
    ? new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(days, 'day')
    : undefined;
}

/** The slot starting at `at` with its day, read as `reading` says (see the module comment). */
export function slotLabel(at: Date, reading: SlotReading): string {
  const { locale, visitorZone } = reading;
  const when = new Intl.DateTimeFormat(locale, {
    timeZone: visitorZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
  const day = relativeDay(daysAhead(at, reading), locale);
  return day ? `${day}, ${when}` : when;
}
