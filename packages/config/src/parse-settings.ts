/** Reading widget settings from anywhere: the admin API, storage, the Studio's form. */
import type { ParseResult } from './issues';
import { parseWith } from './issues';
import { mainLanguageIssues, upgradeSettings } from './settings-languages';
import { type WidgetSettings, WidgetSettingsSchema } from './widget-settings';

/**
 * Validates settings. Issues carry a dotted path like `appearance.working.title.ru`,
 * `schedule.week.mon.to` or `allowedOrigins[2]`; unknown keys are dropped, exceptions with
 * empty dates too. Settings of the shape before texts had languages are read as today's
 * (see `upgradeSettings`).
 */
export function parseSettings(input: unknown): ParseResult<WidgetSettings> {
  const upgraded = upgradeSettings(input);
  const result = parseWith(WidgetSettingsSchema, upgraded);
  const missing = mainLanguageIssues(upgraded);
  if (missing.length === 0) return result;
  const issues = result.ok ? [] : result.issues;
  // One issue per field: a text the schema already refuses needs no second word.
  const more = missing.filter(
    (m) => !issues.some((i) => m.path === i.path || m.path.startsWith(`${i.path}.`)),
  );
  return { ok: false, issues: [...issues, ...more] };
}
