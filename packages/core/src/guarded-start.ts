/**
 * A launcher chunk's `start`, guarded: a config whose launcher fields fail their checks is
 * reported (one error naming the field) and anything the widget throws while starting is
 * reported too — the page gets a handle whose commands do nothing, never an exception. The
 * launcher checks only the fields it reads (config's `launcher-fields.ts`, no valibot): the
 * opened part validates the whole config with its type's schema ({@link checkedConfig}).
 */
import { checkFields, type LauncherConfigs, type LauncherFields } from '@frontdesk/config';
import { configError, type WidgetType } from './config-error';
import type { StartWidget, WidgetHandle, WidgetHost } from './widget-host';

const inert: WidgetHandle = { open() {}, close() {}, identify() {}, consent() {}, destroy() {} };

/**
 * The `start` of a `type` widget whose launcher reads `fields`: `run` gets the config with
 * those checked; see the module comment.
 */
/* @__NO_SIDE_EFFECTS__ */
export function guardedStart<T extends WidgetType>(
  type: T,
  fields: LauncherFields,
  run: (host: WidgetHost, config: LauncherConfigs[T]) => WidgetHandle,
): StartWidget {
  return (host) => {
    try {
      const issues =
        (host.config as { type?: unknown } | null)?.type === type
          ? checkFields(host.config, fields)
          : [{ path: 'type', message: `must be "${type}"` }];
      if (!issues.length) return run(host, host.config as LauncherConfigs[T]);
      host.report(configError(host.key, issues));
    } catch (error) {
      host.report(error);
    }
    return inert;
  };
}
