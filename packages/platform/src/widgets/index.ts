/**
 * The widgets feature: widget records and settings, keys and secrets, public config and presence,
 * the test page, embed codes and the site check.
 */
export { registerAdminEmbedEmail } from './admin-embed-email';
export { registerAdminSiteCheck } from './admin-site-check';
export { ownWidget, registerAdminWidgets } from './admin-widgets';
export { registerPublicWidgets } from './public-widgets';
export { registerTestPage } from './test-page';
export { randomWidgetKey } from './widget-keys';
export { activeWidget, allowWidgetOrigin, mayUseWidget } from './widget-origin';
export { pageWidget, sendWidgetPage } from './widget-page';
export { widgetPresence } from './widget-presence';
export type { Widget, WidgetsRepository } from './widget-records';
export { widgetsOf, widgetsRepository } from './widgets-store';
