/** Test fixtures: real public chat configs, made the way the platform makes them. */
import {
  type ChatSettings,
  defaultSettings,
  type PublicChatConfig,
  toPublicConfig,
} from '@frontdesk/config';
import { calendarDays, dateIn } from '@frontdesk/schedule';

const DAY = { from: '00:00', to: '24:00' };
/** The account tag of the test configs: the visitor's token is kept under it. */
export const ACCOUNT_TAG = 'test-account';

/** A week open around the clock. */
export const ALWAYS = { mon: DAY, tue: DAY, wed: DAY, thu: DAY, fri: DAY, sat: DAY, sun: DAY };
/** A week never open. */
export const NEVER = {
  mon: null,
  tue: null,
  wed: null,
  thu: null,
  fri: null,
  sat: null,
  sun: null,
};

/**
 * The public config of a chat widget `test-chat`: the default settings (Moscow, texts in Russian
 * and English), speaking the visitor's language, open around the clock unless `change` says
 * otherwise, for the calendar window of now.
 */
export function chatConfig(
  change: (settings: ChatSettings) => ChatSettings = (settings) => settings,
  now: Date = new Date(),
): PublicChatConfig {
  const defaults = defaultSettings('chat', { timeZone: 'Europe/Moscow' }) as ChatSettings;
  const settings = change({
    ...defaults,
    locale: 'auto',
    schedule: { ...defaults.schedule, week: ALWAYS, holidays: false },
  });
  const today = dateIn(settings.schedule.timeZone, now);
  const calendar = calendarDays(settings.schedule.country ?? 'ru', today, 60);
  return toPublicConfig(
    { key: 'test-chat', type: 'chat', name: 'Test chat', settings, sipLine: null },
    calendar,
    { now, accountTag: ACCOUNT_TAG },
  ) as PublicChatConfig;
}
