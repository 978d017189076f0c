/**
 * @frontdesk/core — the browser runtime the widgets share: the loader contract, the platform
 * client, the Shadow DOM mount with constructable stylesheets and theme tokens, launchers,
 * the dialog, i18n, consent-first storage and loading on intent. The launcher half (mount,
 * launchers, styles, intent) is plain DOM; the dialog half (Preact, @floating-ui/core) is for
 * the chunk a widget loads when opened.
 */
export { BrandLine } from './brand-line';
export type { CheckedConfig } from './checked-config';
export { checkedConfig } from './checked-config';
export type { WidgetType } from './config-error';
export { configError } from './config-error';
export type { ConsentStorage } from './consent-storage';
export { createConsentStorage, sessionArea, visitorKey } from './consent-storage';
export type { CoreMessages, ErrorCode } from './core-messages';
export { errorText } from './core-messages';
export { coreMessagesEn } from './core-messages-en';
export { coreMessagesRu } from './core-messages-ru';
export type { DialogProps } from './dialog';
export { Dialog } from './dialog';
export { dialogPlacement } from './dialog-placement';
export { dialogCss } from './dialog-styles';
export { guardedStart } from './guarded-start';
export type { LauncherKind, LauncherTexts } from './launcher';
export { createLauncher, setLauncherText } from './launcher';
export { launcherCss } from './launcher-styles';
export { lazy } from './lazy';
export type { LeadRules, LeadTrigger, LeadWatch, LeadWatchOptions } from './lead-watch';
export { watchLead } from './lead-watch';
export { linkify, safeHref } from './linkify';
export { LiveRegion } from './live-region';
export type { FrameLook, MountedWidget } from './mount-widget';
export { mountWidget } from './mount-widget';
export { onIntent } from './on-intent';
export type { OneDialog } from './one-dialog';
export { oneDialog } from './one-dialog';
export { fastConnection, onOpenIntent, opener } from './open-intent';
export { adoptOnce, openInFrame } from './opened-frame';
export type { Outbox } from './outbox';
export { outbox } from './outbox';
export type { PageInfo, Utm } from './page-info';
export { PAGE_LIMITS, pageInfo } from './page-info';
export { PHONE_LEFT } from './phone-left';
export type { Locale } from './pick-locale';
export { formatLocale, pickLocale } from './pick-locale';
export type { Placement } from './place-near';
export { placeNear } from './place-near';
export type { PlatformClient, PlatformClientOptions } from './platform-client';
export { createPlatformClient, PlatformError } from './platform-client';
export { fetchPresence, NOBODY } from './presence';
export type { ScheduleVariant } from './schedule-variant';
export { scheduleVariant } from './schedule-variant';
export { sheet } from './sheet';
export type { Lead } from './start-lead';
export { startLead } from './start-lead';
export type { ThemeLook } from './theme';
export { contrast, readableOn, themeCss } from './theme';
export type { TypingSignal } from './typing-signal';
export { typingSignal } from './typing-signal';
export { uuid, visitorToken } from './uuid';
export { visitorOf } from './visitor-of';
export type {
  LauncherFormat,
  StartWidget,
  Variant,
  Visitor,
  WidgetEvents,
  WidgetHandle,
  WidgetHost,
} from './widget-host';
export type { LeadOptions, OpenedPart, OpenRequest, Shell, ShellOptions } from './widget-shell';
export { widgetShell } from './widget-shell';
