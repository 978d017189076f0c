import type { ChatSettings } from '@frontdesk/config';
import { createSchedule, isOpen } from '@frontdesk/schedule';

/**
 * Whether a chat widget is in working time at `now`, by its schedule and the built-in production
 * calendar (the same engine the callback slots use).
 */
export function isWorking(settings: ChatSettings, now: Date): boolean {
  return isOpen(createSchedule(settings.schedule), now);
}
