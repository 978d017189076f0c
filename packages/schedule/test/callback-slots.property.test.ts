import {
  callbackSlots,
  createSchedule,
  isOpen,
  nextOpen,
  type ScheduleInput,
  type Weekday,
} from '@frontdesk/schedule';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const ZONES = [
  'UTC',
  'Europe/Moscow',
  'Europe/Berlin',
  'America/New_York',
  'America/Santiago',
  'America/St_Johns',
  'Asia/Kathmandu',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Pacific/Apia',
  'Asia/Tashkent',
];
const DAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

const hhmm = (m: number) =>
  m === 1440
    ? '24:00'
    : `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** A span of quarter hours with from < to inside one day. */
const span = fc
  .tuple(fc.integer({ min: 0, max: 95 }), fc.integer({ min: 1, max: 96 }))
  .filter(([a, b]) => a < b)
  .map(([a, b]) => ({ from: hhmm(a * 15), to: hhmm(b * 15) }));

const schedule: fc.Arbitrary<ScheduleInput> = fc.record({
  timeZone: fc.constantFrom(...ZONES),
  week: fc.dictionary(
    fc.constantFrom(...DAYS),
    fc.option(
      fc
        .tuple(span, fc.array(span, { maxLength: 2 }))
        .map(([hours, breaks]) => ({ ...hours, breaks })),
      { nil: null },
    ),
  ),
  lunch: fc.option(span, { nil: null }),
  holidays: fc.boolean(),
  preHoliday: fc.boolean(),
  country: fc.constantFrom('ru', 'by', 'kz', 'uz'),
}) as fc.Arbitrary<ScheduleInput>;

/** Instants 2015–2030, so calendar years with data, without data, and DST changes all come up. */
const instant = fc.date({
  min: new Date('2015-01-01T00:00:00Z'),
  max: new Date('2030-12-31T00:00:00Z'),
  noInvalidDate: true,
});

describe('callbackSlots properties', () => {
  it('slots are ordered, never overlap, start at or after now, and lie in working time', () => {
    fc.assert(
      fc.property(schedule, instant, fc.constantFrom(15, 30, 60), (input, now, slotMinutes) => {
        const s = createSchedule(input);
        const slots = callbackSlots(s, now, { slotMinutes });
        for (const [i, slot] of slots.entries()) {
          expect(slot.start.getTime()).toBeGreaterThanOrEqual(now.getTime());
          expect(slot.end.getTime() - slot.start.getTime()).toBe(slotMinutes * 60_000);
          const previous = slots[i - 1];
          if (previous) expect(slot.start.getTime()).toBeGreaterThanOrEqual(previous.end.getTime());
          expect(isOpen(s, slot.start)).toBe(true);
          expect(isOpen(s, new Date(slot.end.getTime() - 1))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the first slot is never before the next opening', () => {
    fc.assert(
      fc.property(schedule, instant, (input, now) => {
        const s = createSchedule(input);
        const first = callbackSlots(s, now)[0];
        const open = nextOpen(s, now);
        if (first) {
          expect(open).not.toBeNull();
          expect(first.start.getTime()).toBeGreaterThanOrEqual(open?.getTime() ?? Number.NaN);
        }
        if (open) expect(isOpen(s, open)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
