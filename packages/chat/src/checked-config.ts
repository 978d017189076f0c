/**
 * The chat widget's whole public config, validated with its schema (valibot) and with its
 * schedule: a chunk of its own, loaded with the opened widget (or when the launcher first needs
 * the schedule), so the launcher carries neither.
 */
import { PublicChatConfigSchema } from '@frontdesk/config';
import { type CheckedConfig, checkedConfig, type WidgetHost } from '@frontdesk/core';

/** `host`'s config checked against the chat's schema; throws the config error naming the field. */
export function checkChatConfig(host: WidgetHost): CheckedConfig<'chat'> {
  return checkedConfig<'chat'>(host, PublicChatConfigSchema);
}
