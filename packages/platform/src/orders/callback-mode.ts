import type { CallbackSettings, WidgetSettings } from '@frontdesk/config';

/** How a widget's callback orders are served: automatic or manual, with their settings. */
export type CallbackMode = CallbackSettings['mode'];

/**
 * The mode a widget takes callback orders in: a callback widget's own, or the chat's callback tab
 * when that channel is on. Undefined when the widget takes no orders (a call widget, a chat
 * without the channel).
 */
export function callbackModeOf(settings: WidgetSettings): CallbackMode | undefined {
  if (settings.type === 'callback') return settings.mode;
  if (settings.type === 'chat' && settings.channels.callback?.enabled) {
    return settings.channels.callback.mode;
  }
  return undefined;
}
