import type { CallbackSettings, WidgetSettings } from '@frontdesk/config';

/** How a widget's callback orders are served: automatic or manual, with their settings. */
export type CallbackMode = CallbackSettings['mode'];

/**
 * The mode a widget takes callback orders in: a callback widget's own; the chat's callback tab's
 * when that channel is on, else its lead generator's (automatic, to its handler). Undefined when
 * the widget takes no orders (a call widget, a chat with neither).
 */
export function callbackModeOf(settings: WidgetSettings): CallbackMode | undefined {
  if (settings.type === 'callback') return settings.mode;
  if (settings.type !== 'chat') return undefined;
  const { callback, leadGeneration } = settings.channels;
  if (callback?.enabled) return callback.mode;
  // Lead generation without the callback tab: its capture form's orders go to its own handler,
  // called from its company number, never abroad (as a new callback widget's default).
  if (leadGeneration?.enabled) {
    return {
      kind: 'automatic',
      addressee: leadGeneration.handler,
      outgoingNumber: leadGeneration.companyNumber,
      directions: { local: true, national: true, international: false },
    };
  }
  return undefined;
}
