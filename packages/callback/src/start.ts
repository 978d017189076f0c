/**
 * The callback widget's launcher chunk (`/v1/assets/callback.js`): checks the config fields it
 * reads and starts core's widget shell with the callback launcher (the floating button, the
 * popup's variant or the edge tab); the form loads on intent, with the whole config validated
 * and its schedule (`checked-config`, its own chunk). Orders kept offline go out when the
 * browser is back online, or on a later page load. Everything it does is guarded: a widget
 * never throws into the page.
 */
import {
  CALLBACK_LAUNCHER_FIELDS,
  type CallbackLauncherConfig,
  type PublicPresence,
} from '@frontdesk/config';
import {
  guardedStart,
  lazy,
  pickLocale,
  type Shell,
  themeCss,
  type WidgetHandle,
  type WidgetHost,
  widgetShell,
} from '@frontdesk/core';
import { loadTexts } from './callback-messages';

function startValid(host: WidgetHost, launch: CallbackLauncherConfig): WidgetHandle {
  const look = launch.appearance;
  const locale = pickLocale(launch.languages);
  const outbox = `callback:outbox:${host.key}`;
  const checked = lazy(() =>
    import('./checked-config').then((module) => module.checkCallbackConfig(host)),
  );
  // The widget's code, its language's texts and the checked config, fetched side by side.
  const load = lazy(() =>
    Promise.all([import('./open-widget'), loadTexts(locale), checked()] as const),
  );
  const shell: Shell = widgetShell(host, {
    type: 'callback',
    kind: host.launcher ?? (look.callFormat === 'label' ? 'label' : look.popupVariant),
    frame: look,
    css: [themeCss(look)],
    texts: look,
    locale,
    load,
    open: ({
      loaded: [{ openWidget }, texts, { config, schedule, variant }],
      byLead,
      presence,
      ...opening
    }) =>
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
    ...(launch.leadGenerator && {
      lead: () =>
        checked().then(({ config, variant }) => ({
          rules: config.leadGenerator,
          canOpen: (presence: PublicPresence) =>
            variant() === 'working' && presence.presence === 'online',
        })),
    }),
    onDestroy: () => removeEventListener('online', flush),
  });

  let flushing = false;
  const flush = () => {
    if (flushing || host.preview || !shell.storage.get(outbox)) return;
    flushing = true;
    load()
      .then(([{ sendKeptOrders }]) => sendKeptOrders(host, shell.storage, outbox))
      .catch(shell.failed)
      .finally(() => {
        flushing = false;
      });
  };
  addEventListener('online', flush);
  if (navigator.onLine !== false) flush();
  return shell.handle;
}

/** Starts the callback widget `host.key` on the page; see the module comment. */
export const start = guardedStart('callback', CALLBACK_LAUNCHER_FIELDS, startValid);
