/** Test helpers: read instants as wall-clock text in a zone, so expectations read like the spec. */
import type { Slot } from '@frontdesk/schedule';

/** "YYYY-MM-DD HH:MM" of `at` in `timeZone`. */
export function wall(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value;
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** Slots as "start–end" wall-clock text in `timeZone` (end as HH:MM). */
export function wallSlots(slots: Slot[], timeZone: string): string[] {
  return slots.map((s) => `${wall(s.start, timeZone)}–${wall(s.end, timeZone).slice(11)}`);
}

/** The local dates that hold the slots, once each, in order. */
export function slotDates(slots: Slot[], timeZone: string): string[] {
  return [...new Set(slots.map((s) => wall(s.start, timeZone).slice(0, 10)))];
}

/** Half-hour wall times from `from` to `to` (exclusive of the last end), as "HH:MM–HH:MM". */
export function halfHours(date: string, from: string, to: string): string[] {
  const toMin = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  const fmt = (m: number) =>
    `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const out: string[] = [];
  for (let m = toMin(from); m + 30 <= toMin(to); m += 30)
    out.push(`${date} ${fmt(m)}–${fmt(m + 30)}`);
  return out;
}
