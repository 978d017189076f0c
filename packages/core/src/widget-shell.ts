/**
 * The widget shell: what every widget does the same on the page, configured by each widget's
 * launcher chunk — the mount, the launcher and its text (following who can answer), loading the
 * opened part on intent, opening and closing (one dialog at a time, `open`/`close` events, the
 * dialog placed by what opened it), the visitor's `identify`, the page's consent, `destroy`, and
 * the lead generator (its own chunk, when the browser is idle). The widget keeps only what is
 * its own: the call a live call, the callback its offline outbox, the chat its badge and session.
 */
import type { Presence, PublicPresence } from '@frontdesk/config';
import { isConfigError, type WidgetType } from './config-error';
import { type ConsentStorage, createConsentStorage } from './consent-storage';
import { dialogPlacement } from './dialog-placement';
import { createLauncher, type LauncherTexts, setLauncherText } from './launcher';
import { launcherCss } from './launcher-styles';
import type { LeadRules } from './lead-watch';
import { type FrameLook, type MountedWidget, mountWidget } from './mount-widget';
import { onIntent } from './on-intent';
import { oneDialog } from './one-dialog';
import { onOpenIntent } from './open-intent';
import { PHONE_LEFT } from './phone-left';
import type { Locale } from './pick-locale';
import type { Placement } from './place-near';
import { fetchPresence, NOBODY } from './presence';
import type { Lead } from './start-lead';
import { visitorOf } from './visitor-of';
import type {
  LauncherFormat,
  Visitor,
  WidgetEvents,
  WidgetHandle,
  WidgetHost,
} from './widget-host';

/** An opened widget, as the widget renders it. */
export interface OpenedPart {
  close(): void;
  /** Hides or shows it without closing (see {@link ShellOptions.keep}). */
  hide?(hidden: boolean): void;
}

/** What the shell hands a widget's `open` when the widget opens. */
export interface OpenRequest<Loaded> {
  /** What {@link ShellOptions.load} loaded. */
  loaded: Loaded;
  /** What the dialog sits next to: the launcher, or the site's link that opened it. */
  anchor: Element | undefined;
  placement: Placement;
  /** Opened by the lead generator, in its look. */
  byLead: boolean;
  /** Who can answer (and call back), as the platform said on opening. */
  presence: PublicPresence;
  /** What the page told of the visitor (`identify`). */
  visitor: Visitor;
  /** The visitor closed it (Esc, the close button). */
  onClose(): void;
}

/** The lead generator's rules (absent: off) and whether it may open the widget now. */
export interface LeadOptions {
  rules: LeadRules | undefined;
  canOpen(presence: PublicPresence): boolean;
}

/** What a widget configures of its shell. */
export interface ShellOptions<Loaded> {
  type: WidgetType;
  /** The launcher format: the embed code's, else the config's. */
  kind: LauncherFormat;
  /** The frame's look switches (its corner, shape, theming). */
  frame: FrameLook;
  /** The launcher's style sheets beyond core's. */
  css: string[];
  /** The launcher's texts, per language. */
  texts: LauncherTexts;
  /** The language it speaks (core's `pickLocale` of the config's languages). */
  locale: Locale;
  /** What the launcher fetches ahead on intent (default {@link load}). */
  prefetch?(): Promise<unknown>;
  /** What opening needs: the opened part's chunks (and more, e.g. the chat's session). */
  load(): Promise<Loaded>;
  /** Renders the opened widget. */
  open(request: OpenRequest<Loaded>): OpenedPart;
  /** Whether closing only hides the opened widget now (the call's live call goes on). */
  keep?(): boolean;
  /** The presence the launcher's text follows, given the platform's last answer (default: it). */
  presence?(platform: Presence): Presence | undefined;
  /**
   * The lead generator, when the config turns it on: loads its rules (absent: off) and whether
   * it may open the widget now — from the validated config, so with the lead generator's chunk.
   */
  lead?(): Promise<LeadOptions>;
  /** After the widget opened, and after it closed. */
  onOpen?(): void;
  onClose?(): void;
  /** What the page told of the visitor, each time it tells. */
  onIdentify?(visitor: Visitor): void;
  /** The widget is taken off the page: stop what it runs beside the shell. */
  onDestroy?(): void;
}

/** A started widget's shell, for what the widget adds. */
export interface Shell {
  handle: WidgetHandle;
  mounted: MountedWidget;
  /** The launcher; the link code has none. */
  launcher: HTMLButtonElement | undefined;
  storage: ConsentStorage;
  locale: Locale;
  /** Who can answer (and call back), as the platform last said. */
  presence(): PublicPresence;
  /** What the page told of the visitor (`identify`). */
  visitor(): Visitor;
  /** Whether the opened widget shows now. */
  isOpen(): boolean;
  /** Whether the widget has been destroyed. */
  gone(): boolean;
  /**
   * Tells what the widget's own loading failed with; a config that fails its schema ends the
   * widget (told once).
   */
  failed(error: unknown): void;
  /** Renames the launcher by the presence it follows. */
  label(): void;
  /** The visitor left a phone number (their own interaction: storage may be used now). */
  phoneLeft(): void;
  /** The visitor ordered a call: {@link phoneLeft}, and the page hears `callback:submitted`. */
  ordered(order: Omit<WidgetEvents['callback:submitted'], 'widget'>): void;
}

/** Starts `host`'s widget in a shell configured by `options`; see the module comment. */
export function widgetShell<Loaded>(host: WidgetHost, options: ShellOptions<Loaded>): Shell {
  const { kind } = options;
  const storage = createConsentStorage(host.consent);
  const mounted = mountWidget(`frontdesk-${options.type}`, host.key, options.frame, [
    launcherCss,
    ...options.css,
  ]);
  const { locale } = options;
  const launcher = kind === 'link' ? undefined : createLauncher(kind);
  // Nobody can answer until the platform says someone can: no promise before that.
  let presence = NOBODY;
  const label = () =>
    setLauncherText(
      launcher,
      options.texts,
      options.presence ? options.presence(presence.presence) : presence.presence,
      locale,
    );
  label();
  /** Asks who can answer now (the browser reuses a recent answer) and follows it. */
  const refresh = () =>
    fetchPresence(host).then((answer) => {
      presence = answer;
      label();
    });
  void refresh();

  let visitor: Visitor = {};
  let opened: OpenedPart | undefined;
  let hidden = false;
  let opening = false;
  let gone = false;
  let lead: Lead | undefined;
  /** The visitor's interaction or the page's consent: storage may be used from now on. */
  const allow = () => {
    storage.allow();
    lead?.allow();
  };
  const stopIntent = onOpenIntent(host.key, launcher, options.prefetch ?? options.load);

  const closed = () => {
    launcher?.setAttribute('aria-expanded', 'false');
    if (options.keep?.()) {
      hidden = true;
      opened?.hide?.(true);
    } else {
      opened?.close();
      opened = undefined;
    }
    options.onClose?.();
    host.emit('close', { widget: host.key });
  };

  /** Opens the widget next to `anchor` (a link of the site), or by the lead generator. */
  const show = (anchor?: Element, byLead = false) => {
    if (opened && hidden) {
      hidden = false;
      opened.hide?.(false);
      launcher?.setAttribute('aria-expanded', 'true');
      return;
    }
    if (opened || opening) return;
    // The visitor opened it: the lead generator has nothing more to do on this page.
    if (!byLead) lead?.stop();
    opening = true;
    Promise.all([options.load(), refresh()])
      .then(([loaded]) => {
        if (gone) return;
        opened = options.open({
          loaded,
          anchor: anchor ?? launcher,
          placement: dialogPlacement(kind, options.frame.position, !!anchor && anchor !== launcher),
          byLead,
          presence,
          visitor,
          onClose: closed,
        });
        launcher?.setAttribute('aria-expanded', 'true');
        options.onOpen?.();
        host.emit('open', { widget: host.key });
      })
      .catch(failed)
      .finally(() => {
        opening = false;
      });
  };
  const isOpen = () => opened !== undefined && !hidden;

  /**
   * What loading the opened part failed with: a config that fails its schema ends the widget —
   * told once, its launcher taken off the page, which goes on — anything else is told.
   */
  const failed = (error: unknown) => {
    if (!isConfigError(error)) return host.report(error);
    if (gone) return;
    host.report(error);
    handle.destroy();
  };

  const handle: WidgetHandle = {
    open: (anchor) => show(anchor),
    close: () => {
      if (isOpen()) closed();
    },
    identify: (input) => {
      visitor = visitorOf(input) ?? visitor;
      options.onIdentify?.(visitor);
    },
    consent: allow,
    destroy: () => {
      gone = true;
      lead?.stop();
      stopIntent();
      options.onDestroy?.();
      opened?.close();
      opened = undefined;
      mounted.remove();
    },
  };

  const page = oneDialog(host.key, handle.close);
  if (launcher) {
    launcher.addEventListener('click', () => (isOpen() ? handle.close() : show(launcher)));
    mounted.frame.append(launcher);
  }
  const loadLead = options.lead;
  if (loadLead && !host.preview) {
    // Its own chunk, once the page has loaded and the browser is idle: the launcher's budget
    // does not carry it. (The platform sends the rules only when lead generation is on.)
    onIntent(
      new EventTarget(),
      () =>
        void Promise.all([import('./start-lead'), loadLead()])
          .then(([{ startLead }, { rules, canOpen }]) => {
            if (gone || !rules) return;
            lead = startLead(
              rules,
              storage,
              `${options.type}:lead:${host.key}`,
              () => {
                if (opened || opening || page.othersOpen() || !canOpen(presence)) {
                  return false;
                }
                show(undefined, true);
                return true;
              },
              mounted.host,
            );
          })
          .catch(failed),
      { idleMs: 2000 },
    );
  }

  const phoneLeft = () => {
    allow();
    storage.set(PHONE_LEFT, '1');
  };
  return {
    handle,
    mounted,
    launcher,
    storage,
    locale,
    presence: () => presence,
    visitor: () => visitor,
    isOpen,
    gone: () => gone,
    failed,
    label,
    phoneLeft,
    ordered: (order) => {
      phoneLeft();
      host.emit('callback:submitted', { widget: host.key, ...order });
    },
  };
}
