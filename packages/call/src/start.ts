/**
 * The call widget's launcher chunk (`/v1/assets/call.js`): checks the config fields it reads and
 * starts core's widget shell with the call button; the opened widget loads on intent with the
 * whole config validated and its schedule (`checked-config`, in the opened widget's chunk: the
 * intent to call that needs the schedule also fetches the opened widget ahead), and
 * sip.js only on the visitor's intent (hover, focus or press on the call button) while someone
 * can answer, never at page load. A live call goes on when the dialog closes: it only hides,
 * and the launcher brings it back. Everything it does is guarded: a widget never throws into
 * the page.
 */
import { CALL_LAUNCHER_FIELDS, type CallLauncherConfig } from '@frontdesk/config';
import {
  guardedStart,
  lazy,
  opener,
  pickLocale,
  type Shell,
  themeCss,
  type WidgetHandle,
  type WidgetHost,
  widgetShell,
} from '@frontdesk/core';
import { loadOpenedTexts } from './call-messages';

/** The events that show the visitor means to call: sip.js starts loading on the first. */
const CALL_INTENT = ['pointerover', 'focusin', 'touchstart', 'pointerdown'] as const;

/** The key of a `type` widget on this page, if there is one (its host element names it). */
function widgetOnPage(type: 'callback' | 'chat'): string | undefined {
  return (
    document.querySelector(`frontdesk-${type}[data-widget]`)?.getAttribute('data-widget') ??
    undefined
  );
}

function startValid(host: WidgetHost, launch: CallLauncherConfig): WidgetHandle {
  const look = launch.appearance;
  const locale = pickLocale(launch.languages);
  let live = false;
  const checked = lazy(() =>
    import('./open-widget').then((module) => module.checkCallConfig(host)),
  );
  const loadSip = lazy(() => import('./sip-call').then((module) => module.placeCall));
  const load = lazy(() =>
    Promise.all([import('./open-widget'), loadOpenedTexts(locale), checked()] as const),
  );
  const shell: Shell = widgetShell(host, {
    type: 'call',
    kind: host.launcher ?? 'button',
    frame: look,
    css: [themeCss(look)],
    texts: look,
    locale,
    load,
    keep: () => live,
    open: ({
      loaded: [{ openWidget }, texts, { config, variant }],
      presence,
      onClose,
      ...placed
    }) => {
      const frontdesk = (window as { Frontdesk?: (...args: unknown[]) => void }).Frontdesk;
      /** Closes this widget and opens the page's `type` widget instead, when there is one. */
      const instead = (type: 'callback' | 'chat') => {
        const key = widgetOnPage(type);
        return key && frontdesk
          ? () => {
              onClose();
              frontdesk('open', key);
            }
          : undefined;
      };
      return openWidget({
        mounted: shell.mounted,
        config,
        storage: shell.storage,
        variant: variant(),
        presence: presence.presence,
        anchor: placed.anchor,
        placement: placed.placement,
        locale: locale,
        texts,
        host,
        loadSip,
        orderCallback: instead('callback'),
        writeMessage: instead('chat'),
        onLive: (value) => {
          live = value;
        },
        onClose,
      });
    },
    onDestroy: () => stopCallIntent(),
  });

  // sip.js: only on the visitor's own intent, and only when a call can be made now (the
  // schedule says so: it comes with the checked config).
  const intentTarget: EventTarget = shell.launcher ?? document;
  const onCallIntent = (event: Event) => {
    if (!shell.launcher && !(event.target as Element | null)?.closest?.(opener(host.key))) return;
    if (host.preview || shell.presence().presence !== 'online') return;
    void checked()
      .then(({ variant }) => {
        if (variant() !== 'working' || shell.gone()) return;
        stopCallIntent();
        return loadSip();
      })
      .catch(() => undefined);
  };
  const stopCallIntent = () => {
    for (const type of CALL_INTENT) intentTarget.removeEventListener(type, onCallIntent, true);
  };
  for (const type of CALL_INTENT) {
    intentTarget.addEventListener(type, onCallIntent, { passive: true, capture: true });
  }
  return shell.handle;
}

/** Starts the call widget `host.key` on the page; see the module comment. */
export const start = guardedStart('call', CALL_LAUNCHER_FIELDS, startValid);
