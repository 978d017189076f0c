// `npm start`: runs everything Frontdesk has so far. Today that is the schedule engine; the
// platform, SIP edge, demo site, Studio and console join as their issues land (see README).
import { callbackSlots, createSchedule, isOpen, templates } from '@frontdesk/schedule';

const schedule = createSchedule({
  timeZone: 'Europe/Moscow',
  week: templates.standard,
  lunch: { from: '13:00', to: '14:00' },
  holidays: true,
  preHoliday: true,
});
const now = new Date();
const slots = callbackSlots(schedule, now);
const format = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Moscow',
  dateStyle: 'medium',
  timeStyle: 'short',
});

console.log('Frontdesk — built. The platform, demo site, Studio and console are not here yet.');
console.log(
  `Demo office schedule (standard week, Europe/Moscow, Russian calendar): ${isOpen(schedule, now) ? 'open' : 'closed'} now.`,
);
console.log(
  `Next callback slots: ${slots
    .slice(0, 3)
    .map((s) => format.format(s.start))
    .join(', ')} …`,
);
