/**
 * The variant a widget shows now: the Studio's preview forces one; otherwise the schedule
 * (with the config's calendar days) decides, in the browser, at the moment of asking.
 */
import type { PublicConfig } from '@frontdesk/config';
import { createSchedule, isOpen, type Schedule } from '@frontdesk/schedule/engine';
import type { Variant, WidgetHost } from './widget-host';

/** A widget's schedule and its variant now. */
export interface ScheduleVariant {
  schedule: Schedule;
  variant(): Variant;
}

/** The schedule of `config` and a clock of its variant for `host` (see the module comment). */
export function scheduleVariant(
  host: WidgetHost,
  config: Pick<PublicConfig, 'schedule' | 'calendar'>,
): ScheduleVariant {
  const schedule = createSchedule(config.schedule, config.calendar);
  return {
    schedule,
    variant: () => host.preview ?? (isOpen(schedule, new Date()) ? 'working' : 'non-working'),
  };
}
