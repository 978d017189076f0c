/**
 * The public config a preview widget starts with: made from the draft settings exactly as the
 * platform makes it (`toPublicConfig`, the production-calendar days of @frontdesk/schedule), so
 * the preview shows what visitors will get once the marketer saves.
 */
import {
  type PublicConfig,
  type TextLocale,
  toPublicConfig,
  type WidgetSettings,
} from '@frontdesk/config';
import { calendarDays, dateIn } from '@frontdesk/schedule';

/**
 * Which look the preview shows: a variant of the schedule, working time while nobody can
 * answer, or the lead generator's form.
 */
export type PreviewLook = 'working' | 'non-working' | 'nobody' | 'lead';

/** Days of calendar a public config carries (the platform's `/config` sends as many). */
const CALENDAR_DAYS = 60;

/**
 * The public config of `settings` at `now` under the widget key `key`, speaking `lang` (the
 * language the marketer edits; the main one when absent), whatever the visitor's would be —
 * with the texts of `lang` as they are, even while some are missing. For the `lead` look the
 * working texts are the lead generator's: the lead generator never runs in a preview (it opens
 * the widget by itself on visitor behaviour), so its form is shown as the working one with its
 * title and text.
 * @throws {v.ValiError} for settings that are not valid.
 */
export function previewConfig(
  settings: WidgetSettings,
  key: string,
  look: PreviewLook,
  now: Date,
  lang?: TextLocale,
): PublicConfig {
  const calendar = calendarDays(
    settings.schedule.country ?? 'ru',
    dateIn(settings.schedule.timeZone, now),
    CALENDAR_DAYS,
  );
  const shown = lang ? { ...settings, locale: lang } : settings;
  const config = toPublicConfig(
    { key, type: settings.type, name: key, settings: shown, sipLine: null },
    calendar,
    { now },
  );
  if (look !== 'lead' || config.type !== 'callback') return config;
  const { leadGenerator, working } = config.appearance;
  return {
    ...config,
    appearance: { ...config.appearance, working: { ...working, ...leadGenerator } },
  };
}
