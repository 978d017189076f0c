/**
 * When the console chimes and shows desktop notifications. Every alert — a visitor's message, a
 * new chat, an order or a call ringing — chimes once per burst (not again until `burstMs` passed
 * without any alert) unless the operator muted the console, and shows a desktop notification
 * only while the tab is hidden (otherwise the console itself shows it). Muting is remembered.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import { chime, type DesktopNote, desktopNotify } from './notify';

/** What an alert says. */
export type Alert = Omit<DesktopNote, 'silent'>;

/** Where alerts go, and what they read (a test gives its own). */
export interface AlertSinks {
  chime(): void;
  desktop(note: DesktopNote): void;
  hidden(): boolean;
  now(): number;
}

/** Quiet time that ends a burst of alerts, ms. */
export const BURST_MS = 4000;

/** The alerting function over `sinks`; see the module comment. */
export function createAlerts(sinks: AlertSinks, burstMs = BURST_MS) {
  let last = Number.NEGATIVE_INFINITY;
  return (alert: Alert, muted: boolean): void => {
    const now = sinks.now();
    if (!muted && now - last >= burstMs) sinks.chime();
    last = now;
    if (sinks.hidden()) sinks.desktop({ ...alert, silent: muted });
  };
}

const browserSinks: AlertSinks = {
  chime,
  desktop: desktopNotify,
  hidden: () => document.visibilityState === 'hidden',
  now: () => Date.now(),
};

/** Where the mute switch is remembered. */
export const MUTED_KEY = 'frontdesk.console.muted';

function readMuted(): boolean {
  try {
    return localStorage.getItem(MUTED_KEY) === '1';
  } catch {
    return false; // storage refused: not muted, as a fresh console
  }
}

/** The console's alerts and its mute switch (remembered in this browser). */
export function useAlerts(sinks: AlertSinks = browserSinks) {
  const [muted, setMutedState] = useState(readMuted);
  // Socket handlers call `alert` long after a render: they read the switch as it is now.
  const mutedRef = useRef(muted);
  mutedRef.current = muted;
  const fire = useMemo(() => createAlerts(sinks), [sinks]);
  return useMemo(
    () => ({
      muted,
      setMuted(next: boolean) {
        mutedRef.current = next;
        setMutedState(next);
        try {
          localStorage.setItem(MUTED_KEY, next ? '1' : '0');
        } catch {
          // Not remembered; still muted for this page.
        }
      },
      alert: (alert: Alert) => fire(alert, mutedRef.current),
    }),
    [muted, fire],
  );
}
