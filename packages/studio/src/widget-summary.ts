/** What the widget list says of a widget's settings: its type, embed format and active channels. */
import type { WidgetSettings } from '@frontdesk/config';
import type { StudioTexts } from './i18n/studio-texts';

/** The list's words (`t`), in the Studio's language. */
type ListTexts = StudioTexts['list'];

/**
 * What the site shows: the callback widget's label (a tab on the window's edge), or for the popup
 * format a floating button — or, with the link code, the site's own links instead.
 */
export function formatOf(settings: WidgetSettings, t: ListTexts): string {
  return settings.type === 'callback' && settings.appearance.callFormat === 'label'
    ? t.label
    : t.buttonOrLink;
}

/** The channels a visitor can reach the company through with this widget. */
export function activeChannels(settings: WidgetSettings, t: ListTexts): string[] {
  switch (settings.type) {
    case 'call':
      return [t.browserCall];
    case 'callback':
      return [
        t.callback,
        ...(settings.mode.kind === 'automatic' && settings.leadGenerator.enabled
          ? [t.leadGenerator]
          : []),
      ];
    case 'chat': {
      const { telegram, viber, vk, facebook, callback, leadGeneration } = settings.channels;
      return [
        t.siteChat,
        ...(vk?.enabled ? [t.vk] : []),
        ...(facebook?.enabled ? [t.facebook] : []),
        ...(telegram?.enabled ? [t.telegram] : []),
        ...(viber?.enabled ? [t.viber] : []),
        ...(callback?.enabled ? [t.callbackOrder] : []),
        ...(leadGeneration?.enabled ? [t.leadGeneration] : []),
      ];
    }
  }
}
