/** What the widget list says of a widget's settings: its type, embed format and active channels. */
import type { WidgetSettings, WidgetType } from '@frontdesk/config';

/** The types' names, as the create screen and the list show them. */
export const TYPE_NAMES: Record<WidgetType, string> = {
  chat: 'Multichannel chat',
  call: 'Call from site',
  callback: 'Callback',
};

/**
 * What the site shows: the callback widget's label (a tab on the window's edge), or for the popup
 * format a floating button — or, with the link code, the site's own links instead.
 */
export function formatOf(settings: WidgetSettings): 'Button or link' | 'Label' {
  return settings.type === 'callback' && settings.appearance.callFormat === 'label'
    ? 'Label'
    : 'Button or link';
}

/** The channels a visitor can reach the company through with this widget. */
export function activeChannels(settings: WidgetSettings): string[] {
  switch (settings.type) {
    case 'call':
      return ['Browser call'];
    case 'callback':
      return [
        'Callback',
        ...(settings.mode.kind === 'automatic' && settings.leadGenerator.enabled
          ? ['Lead generator']
          : []),
      ];
    case 'chat': {
      const { telegram, viber, vk, facebook, callback, leadGeneration } = settings.channels;
      return [
        'Site chat',
        ...(vk?.enabled ? ['VK'] : []),
        ...(facebook?.enabled ? ['Facebook'] : []),
        ...(telegram?.enabled ? ['Telegram'] : []),
        ...(viber?.enabled ? ['Viber'] : []),
        ...(callback?.enabled ? ['Callback order'] : []),
        ...(leadGeneration?.enabled ? ['Lead generation'] : []),
      ];
    }
  }
}
