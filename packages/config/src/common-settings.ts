/** The settings every widget type has. */
import type * as v from 'valibot';
import { ConsentSchema } from './consent';
import { LocaleSchema, TextLocaleSchema } from './locale';
import { AllowedOriginsSchema } from './origin';
import { ScheduleSchema } from './schedule-schema';

const commonEntries = {
  /** Sites allowed to use the widget: exact origins, or `http://localhost:*` for any port. */
  allowedOrigins: AllowedOriginsSchema,
  /** The language visitors see: always "ru" or "en", or "auto" (the visitor's, if offered). */
  locale: LocaleSchema,
  /**
   * The main language: every required text is written in it, and "auto" falls back to it for a
   * visitor whose language lacks any text. A fixed `locale` is the main language itself.
   */
  mainLocale: TextLocaleSchema,
  /** Working hours: the working or non-working variant shows. */
  schedule: ScheduleSchema,
  consent: ConsentSchema,
};

/**
 * The object entries of a widget type's settings: its `type`, the entries every type shares,
 * then its own. A function, not a spread at module level, so a bundler can drop the settings
 * schemas from a widget bundle (a top-level spread counts as a side effect).
 */
/* @__NO_SIDE_EFFECTS__ */
export function settingsEntries<
  T extends v.LiteralSchema<string, undefined>,
  E extends v.ObjectEntries,
>(type: T, entries: E): { type: T } & typeof commonEntries & E {
  return { type, ...commonEntries, ...entries };
}
