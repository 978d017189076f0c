/** A real public call config `k`, made the way the platform makes it, on a fixed day. */
import { defaultSettings, type PublicCallConfig, toPublicConfig } from '@frontdesk/config';
import { calendarDays } from '@frontdesk/schedule';

/** The default call widget's public config, for 4 March 2026 (the calendar from then on). */
export const callConfig = toPublicConfig(
  {
    key: 'k',
    type: 'call',
    name: 'Call',
    settings: defaultSettings('call', { timeZone: 'Europe/Moscow' }),
    sipLine: null,
  },
  calendarDays('ru', '2026-03-04', 60),
  { now: new Date('2026-03-04T07:00:00Z') },
) as PublicCallConfig;
