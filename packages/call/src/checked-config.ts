/**
 * The call widget's whole public config, validated with its schema (valibot) and with its
 * schedule: a chunk of its own, loaded with the opened widget (or when the launcher first needs
 * the schedule), so the launcher carries neither.
 */
import { PublicCallConfigSchema } from '@frontdesk/config';
import { type CheckedConfig, checkedConfig, type WidgetHost } from '@frontdesk/core';

/** `host`'s config checked against the call's schema; throws the config error naming the field. */
export function checkCallConfig(host: WidgetHost): CheckedConfig<'call'> {
  return checkedConfig<'call'>(host, PublicCallConfigSchema);
}
