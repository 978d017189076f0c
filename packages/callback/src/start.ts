/**
 * The callback widget's launcher chunk (`/v1/assets/callback.js`): validates the public config
 * and starts core's widget shell with the callback launcher (the floating button, the popup's
 * variant or the edge tab); the form loads on intent. Orders kept offline go out when the
 * browser is back online, or on a later page load. Everything it does is guarded: a widget
 * never throws into the page.
 */
import { type PublicCallbackConfig, PublicCallbackConfigSchema } from '@frontdesk/config';
import {
  guardedStart,
  lazy,
  pickLocale,
  type Shell,
  scheduleVariant,
  themeCss,
  type WidgetHandle,
  type WidgetHost,
  widgetShell,
} from '@frontdesk/core';
import { loadTexts } from './callback-messages';

function startValid(host: WidgetHost, config: PublicCallbackConfig): WidgetHandle {
  const look = config.appearance;
  const locale = pickLocale(config.languages);
  const { schedule, variant } = scheduleVariant(host, config);
  const outbox = `callback:outbox:${host.key}`;
  // The widget's code and its language's texts, fetched side by side.
  const load = lazy(() => Promise.all([import('./open-widget'), loadTexts(locale)] as const));
  const shell: Shell = widgetShell(host, {
    type: 'callback',
    kind: host.launcher ?? (look.callFormat === 'label' ? 'label' : look.popupVariant),
    frame: look,
    css: [themeCss(look)],
    texts: look,
    locale,
    load,
    open: ({ loaded: [{ openWidget }, texts], byLead, presence, ...opening }) =>
      openWidget({
        mounted: shell.mounted,
        config,
        schedule,
        variant: variant(),
        presence: presence.presence,
        lead: byLead,
        anchor: opening.anchor,
        placement: opening.placement,
        visitor: opening.visitor,
        locale: locale,
        texts,
        host,
        storage: shell.storage,
        outbox,
        onKept: shell.phoneLeft,
        onSubmitted: shell.ordered,
        onClose: opening.onClose,
      }),
    // It promises a call now: only while someone can make it.
    lead: {
      rules: config.leadGenerator,
      canOpen: (presence) => variant() === 'working' && presence.presence === 'online',
    },
    onDestroy: () => removeEventListener('online', flush),
  });

  let flushing = false;
  const flush = () => {
    if (flushing || host.preview || !shell.storage.get(outbox)) return;
    flushing = true;
    load()
      .then(([{ sendKeptOrders }]) => sendKeptOrders(host, shell.storage, outbox))
      .catch(host.report)
      .finally(() => {
        flushing = false;
      });
  };
  addEventListener('online', flush);
  if (navigator.onLine !== false) flush();
  return shell.handle;
}

/** Starts the callback widget `host.key` on the page; see the module comment. */
export const start = guardedStart<'callback'>(PublicCallbackConfigSchema, startValid);
