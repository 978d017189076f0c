/**
 * The lead generator's watch: opens a widget by itself when any enabled trigger fires — time on
 * the page, scroll depth, pages viewed in the session, leaving intent, inactivity — at most once
 * per repeat period, and never for a visitor who has left a phone number. Its counters and the
 * time it last opened go through consent-first storage: before consent they live in the page.
 * Loaded in a chunk of its own, when the browser is idle after the launcher shows.
 */
import type { ConsentStorage } from './consent-storage';

/** The lead generator's rules, as the public config carries them. */
export interface LeadRules {
  triggers: {
    timeOnPage: { enabled: boolean; seconds: number };
    scrollDepth: { enabled: boolean; percent: number };
    pagesViewed: { enabled: boolean; count: number };
    exitIntent: { enabled: boolean };
    inactivity: { enabled: boolean; seconds: number };
  };
  /** Hours before it may open by itself again. */
  repeatAfterHours: number;
  skipIfPhoneLeft: boolean;
}

/** Which trigger opened the widget. */
export type LeadTrigger = keyof LeadRules['triggers'];

/** What {@link watchLead} needs. */
export interface LeadWatchOptions {
  rules: LeadRules;
  /** The widget's storage (local once allowed): when it last opened by itself. */
  storage: ConsentStorage;
  /** The session area once allowed: pages viewed. */
  session: ConsentStorage;
  /** Prefix of this widget's keys, e.g. `callback:lead:KEY`. */
  name: string;
  /** Whether the visitor has left a phone number. */
  phoneLeft(): boolean;
  /** Opens the widget in its lead-generator look; `false` when it could not (then no period). */
  open(trigger: LeadTrigger): boolean;
  /** Milliseconds the visitor has already spent on the page (default `performance.now()`). */
  onPageFor?: number;
  /** A touch screen: leaving intent is a fast scroll up (default: a coarse pointer). */
  touch?: boolean;
  now?(): number;
}

/** A running watch. */
export interface LeadWatch {
  stop(): void;
}

const HOUR_MS = 3_600_000;
/** Input that ends inactivity. */
const ACTIVITY = ['pointermove', 'pointerdown', 'keydown', 'wheel', 'touchstart', 'scroll'];
/** A fast scroll up on a touch screen: this share of the viewport within {@link FLICK_MS}. */
const FLICK_SHARE = 0.3;
const FLICK_MS = 400;

/**
 * Watches the page for the triggers of `options.rules` and opens the widget once; counts this
 * page as viewed. Does nothing (but count) when the period has not passed or a phone was left.
 */
export function watchLead(options: LeadWatchOptions): LeadWatch {
  const { rules, storage, session, name } = options;
  const { timeOnPage, scrollDepth, pagesViewed, exitIntent, inactivity } = rules.triggers;
  const now = options.now ?? (() => Date.now());
  const pagesKey = `${name}:pages`;
  const shownKey = `${name}:shown`;
  const pages = (Number(session.get(pagesKey)) || 0) + 1;
  session.set(pagesKey, String(pages));

  const cleanups: (() => void)[] = [];
  const stop = () => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  };
  const blocked = () => {
    const shown = Number(storage.get(shownKey));
    return (
      (rules.skipIfPhoneLeft && options.phoneLeft()) ||
      (shown > 0 && now() - shown < rules.repeatAfterHours * HOUR_MS)
    );
  };
  if (blocked()) return { stop };

  const fire = (trigger: LeadTrigger) => {
    if (blocked()) return stop();
    if (!options.open(trigger)) return;
    storage.set(shownKey, String(now()));
    stop();
  };
  const listen = (target: EventTarget, type: string, listener: (event: Event) => void) => {
    target.addEventListener(type, listener, { passive: true, capture: true });
    cleanups.push(() => target.removeEventListener(type, listener, { capture: true }));
  };
  const timer = (ms: number, trigger: LeadTrigger) => {
    const id = setTimeout(() => fire(trigger), Math.max(0, ms));
    return () => clearTimeout(id);
  };

  if (pagesViewed.enabled && pages >= pagesViewed.count) {
    // Not at once: the page's own content comes first.
    cleanups.push(timer(0, 'pagesViewed'));
  }
  if (timeOnPage.enabled) {
    const spent = options.onPageFor ?? performance.now();
    cleanups.push(timer(timeOnPage.seconds * 1000 - spent, 'timeOnPage'));
  }
  if (inactivity.enabled) {
    let cancel = timer(inactivity.seconds * 1000, 'inactivity');
    cleanups.push(() => cancel());
    for (const type of ACTIVITY) {
      listen(window, type, () => {
        cancel();
        cancel = timer(inactivity.seconds * 1000, 'inactivity');
      });
    }
  }
  const root = document.documentElement;
  if (scrollDepth.enabled) {
    listen(window, 'scroll', () => {
      const room = root.scrollHeight - innerHeight;
      if (room > 0 && (scrollY / room) * 100 >= scrollDepth.percent - 0.5) fire('scrollDepth');
    });
  }
  if (exitIntent.enabled) {
    // The pointer leaves the window through its top edge: towards the tabs or the address bar.
    listen(document, 'mouseout', (event) => {
      const { relatedTarget, clientY } = event as MouseEvent;
      if (!relatedTarget && clientY <= 0) fire('exitIntent');
    });
    const touch = options.touch ?? matchMedia('(pointer: coarse)').matches;
    if (touch) {
      // A fast scroll up: the visitor heads for the address bar.
      let marks: [number, number][] = [];
      listen(window, 'scroll', () => {
        const at = now();
        marks = [...marks.filter(([t]) => at - t <= FLICK_MS), [at, scrollY]];
        const top = Math.max(...marks.map(([, y]) => y));
        if (top - scrollY >= innerHeight * FLICK_SHARE) fire('exitIntent');
      });
    }
  }
  return { stop };
}
