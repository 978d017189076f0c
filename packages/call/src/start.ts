/**
 * The call widget's launcher chunk (`/v1/assets/call.js`): validates the public config, decides
 * the working or non-working variant, mounts the call button, and loads the rest on intent — the
 * opened widget when the visitor shows interest or the browser is idle, and sip.js only on the
 * visitor's intent (hover, focus or press on the call button), never at page load. Everything
 * it does is guarded: a widget never throws into the page.
 */
import { type PublicCallConfig, parsePublicConfig } from '@frontdesk/config';
import {
  createLauncher,
  launcherCss,
  mountWidget,
  onIntent,
  pickLocale,
  themeCss,
  type Variant,
  type WidgetHandle,
  type WidgetHost,
} from '@frontdesk/core';
import { createSchedule, isOpen } from '@frontdesk/schedule/engine';
import { loadTexts, type Texts } from './call-messages';
import type { PlaceCall } from './call-widget';

const inert: WidgetHandle = { open() {}, close() {}, identify() {}, consent() {}, destroy() {} };

/** The one error a config that fails validation produces: its first issue, naming the field. */
function configError(key: string, issues: { path: string; message: string }[]): Error {
  const [first] = issues;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return Object.assign(
    new Error(
      `widget "${key}": config field "${first?.path || '(root)'}" ${first?.message ?? 'is invalid'}${more}`,
    ),
    { code: 'invalid_config' },
  );
}

function validConfig(host: WidgetHost): PublicCallConfig | undefined {
  const parsed = parsePublicConfig(host.config);
  if (!parsed.ok) return void host.report(configError(host.key, parsed.issues));
  if (parsed.value.type !== 'call') {
    return void host.report(configError(host.key, [{ path: 'type', message: 'must be "call"' }]));
  }
  return parsed.value;
}

/** The events that show the visitor means to call: sip.js starts loading on the first. */
const CALL_INTENT = ['pointerover', 'focusin', 'touchstart', 'pointerdown'] as const;

/** The key of a callback widget on this page, if there is one (its host element names it). */
function callbackOnPage(): string | undefined {
  return (
    document.querySelector('frontdesk-callback[data-widget]')?.getAttribute('data-widget') ??
    undefined
  );
}

/** Starts the call widget `host.key` on the page; see the module comment. */
export function start(host: WidgetHost): WidgetHandle {
  try {
    const config = validConfig(host);
    if (!config) return inert;
    return startValid(host, config);
  } catch (error) {
    host.report(error);
    return inert;
  }
}

function startValid(host: WidgetHost, config: PublicCallConfig): WidgetHandle {
  const look = config.appearance;
  const schedule = createSchedule(config.schedule, config.calendar);
  const variant = (): Variant =>
    host.preview ?? (isOpen(schedule, new Date()) ? 'working' : 'non-working');
  const kind = host.launcher ?? 'button';
  const mounted = mountWidget('frontdesk-call', host.key, look, [launcherCss, themeCss(look)]);
  const launcher = kind === 'link' ? undefined : createLauncher(kind, look.working.buttonText);
  const locale = pickLocale(config.locale);
  let opened: import('./open-widget').OpenedWidget | undefined;
  let hidden = false;
  let live = false;
  let opening = false;

  let chunk: Promise<[typeof import('./open-widget'), Texts]> | undefined;
  const load = () => {
    chunk ??= Promise.all([import('./open-widget'), loadTexts(locale)]);
    return chunk;
  };
  let sip: Promise<PlaceCall> | undefined;
  const loadSip = () => {
    sip ??= import('./sip-call').then((module) => module.placeCall);
    sip.catch(() => (sip = undefined));
    return sip;
  };
  const stopIntent = onIntent(
    launcher ?? document,
    () => void load().catch(() => (chunk = undefined)),
    launcher
      ? {}
      : { accept: (element) => element.closest(`[data-frontdesk-open="${host.key}"]`) !== null },
  );
  // sip.js: only on the visitor's own intent, and only when a call can be made now.
  const intentTarget: EventTarget = launcher ?? document;
  const onCallIntent = (event: Event) => {
    if (
      !launcher &&
      !(event.target as Element | null)?.closest?.(`[data-frontdesk-open="${host.key}"]`)
    )
      return;
    if (variant() !== 'working' || host.preview) return;
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
    load()
      .then(([{ openWidget }, texts]) => {
        const callbackKey = callbackOnPage();
        const frontdesk = (window as { Frontdesk?: (...args: unknown[]) => void }).Frontdesk;
        opened = openWidget({
          mounted,
          config,
          variant: variant(),
          anchor: anchor ?? launcher,
          placement:
            anchor && anchor !== launcher
              ? 'bottom-start'
              : look.position === 'right'
                ? 'top-end'
                : 'top-start',
          locale,
          texts: texts as Texts,
          host,
          loadSip,
          orderCallback:
            callbackKey && frontdesk
              ? () => {
                  closed();
                  frontdesk('open', callbackKey);
                }
              : undefined,
          onLive: (value) => {
            live = value;
          },
          onClose: closed,
        });
        launcher?.setAttribute('aria-expanded', 'true');
        host.emit('open', { widget: host.key });
      })
      .catch((error: unknown) => {
        chunk = undefined;
        host.report(error);
      })
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

  if (launcher) {
    launcher.addEventListener('click', () =>
      opened && !hidden ? handle.close() : handle.open(launcher),
    );
    mounted.frame.append(launcher);
  }
  return handle;
}
