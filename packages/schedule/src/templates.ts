import type { DayHours, ScheduleInput, Weekday } from './types';

type Week = ScheduleInput['week'];

const allDay: DayHours = Object.freeze({ from: '00:00', to: '23:59' });
const officeDay: DayHours = Object.freeze({ from: '09:00', to: '18:00' });

function week(days: Partial<Record<Weekday, DayHours>>): Week {
  return Object.freeze(days);
}

/** Ready-made weeks of the schedule editor: 24/7, and standard (Mon–Thu 09:00–18:00, Fri 09:00–17:00). */
export const templates: Readonly<{ always: Week; standard: Week }> = Object.freeze({
  always: week({
    mon: allDay,
    tue: allDay,
    wed: allDay,
    thu: allDay,
    fri: allDay,
    sat: allDay,
    sun: allDay,
  }),
  standard: week({
    mon: officeDay,
    tue: officeDay,
    wed: officeDay,
    thu: officeDay,
    fri: Object.freeze({ from: '09:00', to: '17:00' }),
  }),
});
