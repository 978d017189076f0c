/** The fields of the public config every widget type has (see public-config.ts). */
import * as v from 'valibot';
import { CalendarDaysSchema } from './calendar-days-schema';
import { ConsentSchema } from './consent';
import { LocaleSchema, TextLocaleSchema } from './locale';
import { ScheduleSchema } from './schedule-schema';
import { token } from './text';

/** A yes/no field. */
export const flag = v.boolean('must be true or false');

/** The fields every widget type's public config has. */
export const baseEntries = {
  /** Version of this shape; a widget refuses versions it does not know. */
  v: v.literal(1, 'must be 1'),
  /** The public widget key. */
  key: token(64, /^[A-Za-z0-9_-]+$/, 'a widget key (letters, digits, _ and -)'),
  locale: LocaleSchema,
  /**
   * The languages a visitor may be shown, the main one first; the texts carry these only. A
   * visitor whose language is not among them gets the main one, all of it.
   */
  languages: v.pipe(
    v.array(TextLocaleSchema, 'must be a list of languages'),
    // A check, not minLength: the widgets' checked config already carries `check`.
    v.check((languages) => languages.length > 0, 'must name the main language'),
  ),
  schedule: ScheduleSchema,
  /** The production calendar's days from today on (60 of them), for the schedule. */
  calendar: CalendarDaysSchema,
  consent: ConsentSchema,
  /** Whether "Powered by Frontdesk" is hidden in working and in non-working time. */
  brand: v.object({ hidden: flag, nonWorkingHidden: flag }),
  /**
   * An opaque tag of the widget's account (never its id): the widgets of one account keep the
   * visitor's token under it, so the chat and the callback know one visitor. Absent: none kept.
   */
  accountTag: v.optional(token(64, /^[A-Za-z0-9_-]+$/, 'an account tag')),
};
