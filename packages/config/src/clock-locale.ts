/** The locale dates and times are written with beside a time zone, the same on every machine. */
import type { TextLocale } from './locale';

/**
 * A locale of `language` that writes every clock alike (24-hour, the day before the month:
 * "4 Mar 2026, 10:01", "4 мар. 2026 г., 10:01"), for times shown with their zone — in the staff
 * apps' history and in the platform's e-mails — where the reader's own habits cannot be asked.
 */
export function clockLocale(language: TextLocale): string {
  return language === 'en' ? 'en-GB' : language;
}
