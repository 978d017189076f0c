/**
 * The callback widget's launcher chunk (`/v1/assets/callback.js`): validates the public config,
 * decides the working or non-working variant, asks who can call back now (presence: the
 * launcher's text, the form's promise, whether the lead generator may open), mounts the launcher,
 * and loads the rest of the widget on intent. Everything it does is guarded: a widget never
 * throws into the page.
 */
import { type PublicCallbackConfig, PublicCallbackConfigSchema } from '@frontdesk/config';
import {
  createConsentStorage,
  createLauncher,
  dialogPlacement,
  fetchPresence,
  guardedStart,
  launcherCss,
  lazy,
  mountWidget,
  NOBODY,
  oneDialog,
  onIntent,
  onOpenIntent,
  pickLocale,
  scheduleVariant,
  setLauncherText,
  themeCss,
  type Visitor,
  visitorOf,
  type WidgetHandle,
  type WidgetHost,
} from '@frontdesk/core';
import { loadTexts } from './callback-messages';
import type { Lead } from './lead-generator';

/** The storage key that remembers a visitor left a phone number (the lead generator skips them). */
export const PHONE_LEFT = 'callback:phone-left';

function startValid(host: WidgetHost, config: PublicCallbackConfig): WidgetHandle {
  const look = config.appearance;
  const { schedule, variant } = scheduleVariant(host, config);
  const kind = host.launcher ?? (look.callFormat === 'label' ? 'label' : look.popupVariant);
  const storage = createConsentStorage(host.consent);
  const mounted = mountWidget('frontdesk-callback', host.key, look, [launcherCss, themeCss(look)]);
  const locale = pickLocale(config.languages);
  // Nobody can call back until the platform says someone can: no promise before that.
  let presence = NOBODY;
  const launcher = kind === 'link' ? undefined : createLauncher(kind);
  setLauncherText(launcher, look, undefined, locale);
  /** Asks who can call back now (the browser reuses a recent answer) and follows it. */
  const refresh = () =>
    fetchPresence(host).then((answer) => {
      presence = answer;
      setLauncherText(launcher, look, answer.presence, locale);
    });
  void refresh();
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

  // The widget's code and its language's texts, fetched side by side.
  const load = lazy(() => Promise.all([import('./open-widget'), loadTexts(locale)]));
  // Intent: the launcher, or (link code) any of the site's elements that open this widget.
  const stopIntent = onOpenIntent(host.key, launcher, load);

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
    Promise.all([load(), refresh()])
      .then(([[{ openWidget }, texts]]) => {
        opened = openWidget({
          mounted,
          config,
          schedule,
          variant: variant(),
          presence: presence.presence,
          lead: leadLook,
          anchor: anchor ?? launcher,
          placement: dialogPlacement(kind, look.position, !!anchor && anchor !== launcher),
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
      if (opened) closed();
    },
    identify(input) {
      visitor = visitorOf(input) ?? visitor;
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

  const page = oneDialog(host.key, () => handle.close());
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
              // It promises a call now: only while someone can make it.
              if (
                opened ||
                opening ||
                page.othersOpen() ||
                variant() !== 'working' ||
                presence.presence !== 'online'
              ) {
                return false;
              }
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

/** Starts the callback widget `host.key` on the page; see the module comment. */
export const start = guardedStart<'callback'>(PublicCallbackConfigSchema, startValid);
