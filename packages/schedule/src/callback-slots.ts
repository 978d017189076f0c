import type { Schedule } from './create-schedule';
import type { Slot } from './types';
import { datesFrom, intervalsOn } from './working-intervals';

/** Options of {@link callbackSlots}. */
export interface SlotOptions {
  /** Length of a slot; default 30. */
  slotMinutes?: number;
  /** How many working days to offer; default 3. */
  days?: number;
}

/**
 * The callback slots a visitor may pick: `slotMinutes` spans tiling each working interval from its
 * start (a final partial span is dropped), starting at or after `now`, over the first `days` dates
 * that still offer a slot — the source's "three working days starting today if today has working
 * time left, else the next working day and the two after it".
 */
export function callbackSlots(s: Schedule, now: Date, opts: SlotOptions = {}): Slot[] {
  const { slotMinutes = 30, days = 3 } = opts;
  if (!Number.isInteger(slotMinutes) || slotMinutes < 1 || slotMinutes > 1440) {
    throw new RangeError(
      `slotMinutes must be a whole number of minutes from 1 to 1440, not ${slotMinutes}`,
    );
  }
  if (!Number.isInteger(days) || days < 0) {
    throw new RangeError(`days must be a whole number of days, not ${days}`);
  }
  const nowMs = now.getTime();
  const slotMs = slotMinutes * 60_000;
  const slots: Slot[] = [];
  let daysFound = 0;
  if (days === 0) return slots;
  for (const date of datesFrom(s, nowMs)) {
    let found = false;
    for (const [start, end] of intervalsOn(s, date)) {
      for (let t = start; t + slotMs <= end; t += slotMs) {
        if (t < nowMs) continue;
        slots.push({ start: new Date(t), end: new Date(t + slotMs) });
        found = true;
      }
    }
    if (found && ++daysFound === days) break;
  }
  return slots;
}
