/**
 * A launcher chunk's `start`, guarded: a config that fails validation is reported (one error
 * naming the field) and anything the widget throws while starting is reported too — the page
 * gets a handle whose commands do nothing, never an exception.
 */
import { type PublicConfig, type PublicSchemas, parsePublicConfigOf } from '@frontdesk/config';
import { configError, type WidgetType } from './config-error';
import type { StartWidget, WidgetHandle, WidgetHost } from './widget-host';

const inert: WidgetHandle = { open() {}, close() {}, identify() {}, consent() {}, destroy() {} };

/**
 * The `start` of a widget whose public config `schema` describes (its type's schema only, so a
 * widget's bundle carries no other type's): `run` gets the validated config; see the module
 * comment.
 */
/* @__NO_SIDE_EFFECTS__ */
export function guardedStart<T extends WidgetType>(
  schema: PublicSchemas[T],
  run: (host: WidgetHost, config: Extract<PublicConfig, { type: T }>) => WidgetHandle,
): StartWidget {
  const type = schema.entries.type.literal;
  return (host) => {
    try {
      const parsed =
        (host.config as { type?: unknown } | null)?.type === type
          ? parsePublicConfigOf(schema, host.config)
          : undefined;
      if (parsed?.ok) return run(host, parsed.value as Extract<PublicConfig, { type: T }>);
      host.report(
        configError(host.key, parsed?.issues ?? [{ path: 'type', message: `must be "${type}"` }]),
      );
    } catch (error) {
      host.report(error);
    }
    return inert;
  };
}
