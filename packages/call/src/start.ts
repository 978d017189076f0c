/**
 * The call widget's launcher chunk (`/v1/assets/call.js`): validates the public config, decides
 * the working or non-working variant, asks who can answer now (presence: the button's text,
 * and whether a call is offered at all), mounts the call button, and loads the rest on intent —
 * the opened widget when the visitor shows interest or the browser is idle, and sip.js only on
 * the visitor's intent (hover, focus or press on the call button) while someone can answer,
 * never at page load. Everything it does is guarded: a widget never throws into the page.
 */
import { type PublicCallConfig, PublicCallConfigSchema } from '@frontdesk/config';
import {
  createLauncher,
  dialogPlacement,
  fetchPresence,
  guardedStart,
  launcherCss,
  lazy,
  mountWidget,
  NOBODY,
  oneDialog,
  onOpenIntent,
  opener,
  pickLocale,
  scheduleVariant,
  setLauncherText,
  themeCss,
  type WidgetHandle,
  type WidgetHost,
} from '@frontdesk/core';
import { loadTexts, type Texts } from './call-messages';

/** The events that show the visitor means to call: sip.js starts loading on the first. */
const CALL_INTENT = ['pointerover', 'focusin', 'touchstart', 'pointerdown'] as const;

/** The key of a `type` widget on this page, if there is one (its host element names it). */
function widgetOnPage(type: 'callback' | 'chat'): string | undefined {
  return (
    document.querySelector(`frontdesk-${type}[data-widget]`)?.getAttribute('data-widget') ??
    undefined
  );
}

function startValid(host: WidgetHost, config: PublicCallConfig): WidgetHandle {
  const look = config.appearance;
  const { variant } = scheduleVariant(host, config);
  const kind = host.launcher ?? 'button';
  const mounted = mountWidget('frontdesk-call', host.key, look, [launcherCss, themeCss(look)]);
  const locale = pickLocale(config.languages);
  // Nobody can answer until the platform says someone can: no promise of a call before that.
  let presence = NOBODY;
  const launcher = kind === 'link' ? undefined : createLauncher(kind);
  setLauncherText(launcher, look, undefined, locale);
  /** Asks who can answer now (the browser reuses a recent answer) and follows it. */
  const refresh = () =>
    fetchPresence(host).then((answer) => {
      presence = answer;
      setLauncherText(launcher, look, answer.presence, locale);
    });
  void refresh();
  let opened: import('./open-widget').OpenedWidget | undefined;
  let hidden = false;
  let live = false;
  let opening = false;

  const load = lazy(() => Promise.all([import('./open-widget'), loadTexts(locale)]));
  const loadSip = lazy(() => import('./sip-call').then((module) => module.placeCall));
  const stopIntent = onOpenIntent(host.key, launcher, load);
  // sip.js: only on the visitor's own intent, and only when a call can be made now.
  const intentTarget: EventTarget = launcher ?? document;
  const onCallIntent = (event: Event) => {
    if (!launcher && !(event.target as Element | null)?.closest?.(opener(host.key))) return;
    if (variant() !== 'working' || host.preview || presence.presence !== 'online') return;
    stopCallIntent();
    void loadSip().catch(() => undefined);
  };
  const stopCallIntent = () => {
    for (const type of CALL_INTENT) intentTarget.removeEventListener(type, onCallIntent, true);
  };
  for (const type of CALL_INTENT) {
    intentTarget.addEventListener(type, onCallIntent, { passive: true, capture: true });
  }

  const closed = () => {
    launcher?.setAttribute('aria-expanded', 'false');
    if (live) {
      // A live call goes on: the dialog only hides, the launcher brings it back.
      hidden = true;
      opened?.hide(true);
    } else {
      opened?.close();
      opened = undefined;
    }
    host.emit('close', { widget: host.key });
  };

  const show = (anchor?: Element) => {
    if (opened && hidden) {
      hidden = false;
      opened.hide(false);
      launcher?.setAttribute('aria-expanded', 'true');
      return;
    }
    if (opened || opening) return;
    opening = true;
    Promise.all([load(), refresh()])
      .then(([[{ openWidget }, texts]]) => {
        const frontdesk = (window as { Frontdesk?: (...args: unknown[]) => void }).Frontdesk;
        /** Closes this widget and opens the page's `type` widget instead, when there is one. */
        const instead = (type: 'callback' | 'chat') => {
          const key = widgetOnPage(type);
          return key && frontdesk
            ? () => {
                closed();
                frontdesk('open', key);
              }
            : undefined;
        };
        opened = openWidget({
          mounted,
          config,
          variant: variant(),
          presence: presence.presence,
          anchor: anchor ?? launcher,
          placement: dialogPlacement(kind, look.position, !!anchor && anchor !== launcher),
          locale,
          texts: texts as Texts,
          host,
          loadSip,
          orderCallback: instead('callback'),
          writeMessage: instead('chat'),
          onLive: (value) => {
            live = value;
          },
          onClose: closed,
        });
        launcher?.setAttribute('aria-expanded', 'true');
        host.emit('open', { widget: host.key });
      })
      .catch(host.report)
      .finally(() => {
        opening = false;
      });
  };

  const handle: WidgetHandle = {
    open(anchor) {
      show(anchor);
    },
    close() {
      if (opened && !hidden) closed();
    },
    identify() {},
    consent() {},
    destroy() {
      stopIntent();
      stopCallIntent();
      opened?.close();
      opened = undefined;
      mounted.remove();
    },
  };

  oneDialog(host.key, () => handle.close());
  if (launcher) {
    launcher.addEventListener('click', () =>
      opened && !hidden ? handle.close() : handle.open(launcher),
    );
    mounted.frame.append(launcher);
  }
  return handle;
}

/** Starts the call widget `host.key` on the page; see the module comment. */
export const start = guardedStart<'call'>(PublicCallConfigSchema, startValid);
