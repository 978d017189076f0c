/**
 * The callback widget's launcher chunk (`/v1/assets/callback.js`): validates the public config,
 * decides the working or non-working variant, mounts the launcher, and loads the rest of the
 * widget on intent. Everything it does is guarded: a widget never throws into the page.
 */
import { type PublicCallbackConfig, parsePublicConfig } from '@frontdesk/config';
import {
  createConsentStorage,
  createLauncher,
  launcherCss,
  mountWidget,
  onIntent,
  type Placement,
  pickLocale,
  themeCss,
  type Variant,
  type Visitor,
  type WidgetHandle,
  type WidgetHost,
} from '@frontdesk/core';
import { createSchedule, isOpen } from '@frontdesk/schedule/engine';
import { loadTexts, type Texts } from './callback-messages';
import type { Lead } from './lead-generator';

/** The storage key that remembers a visitor left a phone number (the lead generator skips them). */
export const PHONE_LEFT = 'callback:phone-left';

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

/** The validated callback config of `host`, or undefined after reporting why not. */
function validConfig(host: WidgetHost): PublicCallbackConfig | undefined {
  const parsed = parsePublicConfig(host.config);
  if (!parsed.ok) return void host.report(configError(host.key, parsed.issues));
  if (parsed.value.type !== 'callback') {
    return void host.report(
      configError(host.key, [{ path: 'type', message: 'must be "callback"' }]),
    );
  }
  return parsed.value;
}

/** Where the popup opens next to the launcher: above the floating button, beside the edge tab. */
function placementBeside(kind: 'button' | 'label' | 'link', position: 'left' | 'right'): Placement {
  if (kind === 'label') return position === 'right' ? 'left' : 'right';
  return position === 'right' ? 'top-end' : 'top-start';
}

/** Starts the callback widget `host.key` on the page; see the module comment. */
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

function startValid(host: WidgetHost, config: PublicCallbackConfig): WidgetHandle {
  const look = config.appearance;
  const schedule = createSchedule(config.schedule, config.calendar);
  const variant = (): Variant =>
    host.preview ?? (isOpen(schedule, new Date()) ? 'working' : 'non-working');
  const kind = host.launcher ?? (look.callFormat === 'label' ? 'label' : look.popupVariant);
  const storage = createConsentStorage(host.consent);
  const mounted = mountWidget('frontdesk-callback', host.key, look, [launcherCss, themeCss(look)]);
  const launcher = kind === 'link' ? undefined : createLauncher(kind, look.working.buttonText);
  let visitor: Visitor = {};
  let opened: { close(): void } | undefined;
  let opening = false;
  let lead: Lead | undefined;
  let gone = false;
  /** The visitor's interaction or the page's consent: storage may be used from now on. */
  const allow = () => {
    storage.allow();
    lead?.allow();
  };

  const locale = pickLocale(config.locale);
  // The widget's code and its language's texts, fetched side by side.
  let chunk: Promise<[typeof import('./open-widget'), Texts]> | undefined;
  const load = () => {
    chunk ??= Promise.all([import('./open-widget'), loadTexts(locale)]);
    return chunk;
  };
  // Intent: the launcher, or (link code) any of the site's elements that open this widget.
  const stopIntent = onIntent(
    launcher ?? document,
    () => void load().catch(() => (chunk = undefined)),
    launcher
      ? {}
      : { accept: (element) => element.closest(`[data-frontdesk-open="${host.key}"]`) !== null },
  );

  // Orders kept offline go out when the browser is back online, or on a later page load.
  const OUTBOX = `callback:outbox:${host.key}`;
  let flushing = false;
  const flush = () => {
    if (flushing || host.preview || !storage.get(OUTBOX)) return;
    flushing = true;
    load()
      .then(([{ sendKeptOrders }]) => sendKeptOrders(host, storage, OUTBOX))
      .catch(host.report)
      .finally(() => {
        flushing = false;
      });
  };
  addEventListener('online', flush);
  if (navigator.onLine !== false) flush();

  const closed = () => {
    launcher?.setAttribute('aria-expanded', 'false');
    opened?.close();
    opened = undefined;
    host.emit('close', { widget: host.key });
  };

  /** Opens the widget; `leadLook`: by itself, in the lead generator's look. */
  const show = (anchor?: Element, leadLook = false) => {
    if (opened || opening) return;
    // The visitor opened it: the lead generator has nothing more to do on this page.
    if (!leadLook) lead?.stop();
    opening = true;
    load()
      .then(([{ openWidget }, texts]) => {
        opened = openWidget({
          mounted,
          config,
          schedule,
          variant: variant(),
          lead: leadLook,
          anchor: anchor ?? launcher,
          // Below a link of the site; next to our own launcher.
          placement:
            anchor && anchor !== launcher ? 'bottom-start' : placementBeside(kind, look.position),
          visitor,
          locale,
          texts,
          host,
          storage,
          outbox: OUTBOX,
          onKept: () => {
            allow();
            storage.set(PHONE_LEFT, '1');
          },
          onSubmitted: (order) => {
            // Placing an order is the visitor's own interaction: storage may be used now.
            allow();
            storage.set(PHONE_LEFT, '1');
            host.emit('callback:submitted', { widget: host.key, ...order });
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
      if (opened) closed();
    },
    identify(input) {
      if (typeof input !== 'object' || input === null) return;
      const { name, phone } = input as Record<string, unknown>;
      visitor = {
        ...(typeof name === 'string' ? { name } : {}),
        ...(typeof phone === 'string' ? { phone } : {}),
      };
    },
    consent() {
      allow();
    },
    destroy() {
      gone = true;
      lead?.stop();
      removeEventListener('online', flush);
      stopIntent();
      opened?.close();
      opened = undefined;
      mounted.remove();
    },
  };

  if (launcher) {
    launcher.addEventListener('click', () => (opened ? handle.close() : handle.open(launcher)));
    mounted.frame.append(launcher);
  }
  const rules = config.leadGenerator;
  if (rules && !host.preview) {
    // Its own chunk, once the page has loaded and the browser is idle: the launcher's budget
    // does not carry it. (The platform sends `leadGenerator` only when it is on.)
    onIntent(
      new EventTarget(),
      () =>
        void import('./lead-generator')
          .then(({ startLead }) => {
            if (gone) return;
            lead = startLead(rules, storage, host.key, () => {
              if (opened || opening || variant() !== 'working') return false;
              show(undefined, true);
              return true;
            });
          })
          .catch(host.report),
      { idleMs: 2000 },
    );
  }
  return handle;
}
