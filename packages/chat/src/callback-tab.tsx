/**
 * The chat's callback tab, a chunk of its own loaded only when the tab opens: the callback
 * widget's form and slots (@frontdesk/callback), reused as they are, ordering through the
 * platform under the chat's key. Its look comes from the chat's: the chat's button colour,
 * theme and position; the lead generator's title is the chat button's text.
 */
import {
  type CallbackOrder,
  CallbackWidget,
  loadTexts,
  platformSubmit,
  previewSubmit,
  visitorRegion,
} from '@frontdesk/callback';
import type { Presence, PublicCallbackConfig, PublicChatConfig } from '@frontdesk/config';
import {
  adoptOnce,
  createPlatformClient,
  formatLocale,
  type Locale,
  type MountedWidget,
  type Variant,
  type Visitor,
  type WidgetHost,
} from '@frontdesk/core';
import type { Schedule } from '@frontdesk/schedule/engine';
import type { ComponentChild } from 'preact';
import { callbackTabCss } from './callback-tab-styles';
import type { ChatMessages } from './chat-messages';
import { chatSecondary } from './chat-theme';

/** What {@link callbackTab} needs. */
export interface CallbackTabOptions {
  mounted: MountedWidget;
  config: PublicChatConfig;
  schedule: Schedule;
  variant: Variant;
  /** Who can call back now. */
  presence: Presence;
  /** Opened by the lead generator: its title and text. */
  lead: boolean;
  locale: Locale;
  texts: ChatMessages;
  visitor: Visitor;
  host: WidgetHost;
  /** The visitor's token, sent with the order; absent (the preview): none. */
  visitorToken?: (() => string) | undefined;
  onSubmitted(order: CallbackOrder): void;
}

/**
 * The callback widget's config for the chat's tab, in `lang`: the chat's callback mode, and the
 * schedule's country (the chat has no phone country of its own).
 */
export function callbackConfigOf(
  config: PublicChatConfig,
  texts: ChatMessages,
  lang: Locale,
): PublicCallbackConfig {
  const look = config.appearance;
  const title = { [lang]: texts.callbackTitle };
  return {
    type: 'callback',
    v: config.v,
    key: config.key,
    locale: config.locale,
    languages: [lang],
    schedule: config.schedule,
    calendar: config.calendar,
    consent: config.consent,
    ...(config.accountTag ? { accountTag: config.accountTag } : {}),
    // The chat window shows its own brand line.
    brand: { hidden: true, nonWorkingHidden: true },
    mode: config.channels.callbackMode ?? 'automatic',
    country: config.calendar.country,
    appearance: {
      callFormat: 'popup',
      popupVariant: 'button',
      display: 'popup',
      shape: 'rounded',
      primaryColor: look.buttonColor,
      secondaryColor: chatSecondary(look.theme),
      themed: true,
      position: look.position,
      working: { title, text: {}, buttonText: { [lang]: texts.callbackTab } },
      nonWorking: { title, text: {} },
      // The form's own promise changes while nobody can call back; its heading need not.
      nobody: { title, text: {}, buttonText: { [lang]: texts.callbackTab } },
      leadGenerator: { title: look.working.buttonText, text: look.working.text },
    },
  };
}

/** The callback tab's content (see the module comment). */
export async function callbackTab(options: CallbackTabOptions): Promise<() => ComponentChild> {
  const { mounted, host, locale } = options;
  const texts = await loadTexts(locale);
  adoptOnce(mounted.root, callbackTabCss);
  const config = callbackConfigOf(options.config, options.texts, locale);
  const submit = host.preview
    ? previewSubmit
    : platformSubmit(createPlatformClient(host.api), host.key);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const brandHref = new URL(host.api, location.href).origin;
  return () => (
    <CallbackWidget
      config={config}
      schedule={options.schedule}
      variant={options.variant}
      presence={options.presence}
      lead={options.lead}
      lang={locale}
      locale={formatLocale(locale)}
      texts={texts}
      visitor={options.visitor}
      visitorZone={zone}
      visitorRegion={visitorRegion()}
      now={() => new Date()}
      brandHref={brandHref}
      submit={submit}
      onSubmitted={options.onSubmitted}
      visitorToken={options.visitorToken}
    />
  );
}
