/**
 * What the schedule editor shows beside the schedule, computed by @frontdesk/schedule itself —
 * the engine the widgets and the platform use: open now or not, the callback slots of the next
 * three working days, and the years in range the production calendar has no data for.
 */
import {
  calendarCoverage,
  callbackSlots,
  createSchedule,
  dateIn,
  isOpen,
  type ScheduleInput,
} from '@frontdesk/schedule';

/** The slots of one day, in the company's zone. */
export interface SlotDay {
  /** "YYYY-MM-DD" in the company's zone. */
  date: string;
  slots: { start: Date; end: Date; label: string }[];
}

/** The live preview of a schedule. */
export interface SchedulePreview {
  open: boolean;
  days: SlotDay[];
  /** Years in range (the next 60 days, the exceptions) with no calendar data, when it is used. */
  missingYears: number[];
}

/** How far ahead a widget's public config carries calendar days. */
const AHEAD_MS = 60 * 86_400_000;

/** The preview of `input` at `now`. @throws {ScheduleError} for a schedule the engine refuses. */
export function schedulePreview(input: ScheduleInput, now: Date): SchedulePreview {
  const schedule = createSchedule(input);
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: input.timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const days: SlotDay[] = [];
  for (const slot of callbackSlots(schedule, now, { days: 3 })) {
    const date = dateIn(input.timeZone, slot.start);
    let day = days[days.length - 1];
    if (day?.date !== date) {
      day = { date, slots: [] };
      days.push(day);
    }
    day.slots.push({ ...slot, label: `${time.format(slot.start)}–${time.format(slot.end)}` });
  }
  return { open: isOpen(schedule, now), days, missingYears: missingYears(input, now) };
}

function missingYears(input: ScheduleInput, now: Date): number[] {
  if (!input.holidays && !input.preHoliday) return [];
  const first = Number(dateIn(input.timeZone, now).slice(0, 4));
  const last = Number(dateIn(input.timeZone, new Date(now.getTime() + AHEAD_MS)).slice(0, 4));
  const years = new Set<number>();
  for (let year = first; year <= last; year++) years.add(year);
  for (const exception of input.exceptions ?? []) {
    const year = Number(exception.date.slice(0, 4));
    if (year >= first) years.add(year);
  }
  const { from, to } = calendarCoverage(input.country ?? 'ru');
  return [...years].filter((year) => year < from || year > to).sort((a, b) => a - b);
}
