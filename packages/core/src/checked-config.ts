/**
 * The whole public config validated with its type's schema (valibot) and the schedule it
 * carries: what a widget's opened part needs, in a chunk loaded with it, not in the launcher
 * (which checks only the fields it reads, see `guardedStart`).
 */
import { type PublicConfig, type PublicSchemas, parsePublicConfigOf } from '@frontdesk/config';
import { configError, type WidgetType } from './config-error';
import { type ScheduleVariant, scheduleVariant } from './schedule-variant';
import type { WidgetHost } from './widget-host';

/** A widget's validated config with its schedule and the variant it shows now. */
export interface CheckedConfig<T extends WidgetType> extends ScheduleVariant {
  config: Extract<PublicConfig, { type: T }>;
}

/**
 * `host`'s config validated against `schema` (its type's), with its schedule; throws the one
 * config error naming the field (`configError`) when it fails.
 */
export function checkedConfig<T extends WidgetType>(
  host: WidgetHost,
  schema: PublicSchemas[T],
): CheckedConfig<T> {
  const parsed = parsePublicConfigOf(schema, host.config);
  if (!parsed.ok) throw configError(host.key, parsed.issues);
  const config = parsed.value as Extract<PublicConfig, { type: T }>;
  return { config, ...scheduleVariant(host, config) };
}
