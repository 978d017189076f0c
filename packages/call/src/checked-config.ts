/**
 * The call widget's whole public config, validated with its schema (valibot) and with its
 * schedule: in the opened widget's chunk (open-widget.ts re-exports it), loaded on intent, so
 * the launcher carries neither.
 */
import { PublicCallConfigSchema } from '@frontdesk/config';
import { type CheckedConfig, checkedConfig, type WidgetHost } from '@frontdesk/core';

/** `host`'s config checked against the call's schema; throws the config error naming the field. */
export function checkCallConfig(host: WidgetHost): CheckedConfig<'call'> {
  return checkedConfig<'call'>(host, PublicCallConfigSchema);
}
