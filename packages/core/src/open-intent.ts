/**
 * Loading a widget's opened part on the visitor's intent: interest in its launcher, or — for
 * the link code, which has none — in any of the site's elements that open it. Only a visitor on
 * a fast connection who has not asked to save data also gets it when the browser is idle: on a
 * slow or metered one, the bytes go only to a visitor who shows interest.
 */
import { onIntent } from './on-intent';

/** The selector of the site's elements that open widget `key` (`data-frontdesk-open="KEY"`). */
export function opener(key: string): string {
  return `[data-frontdesk-open="${key}"]`;
}

/** The Network Information API, where the browser has it (Chromium). */
interface Connection {
  effectiveType?: string;
  saveData?: boolean;
}

/** Whether the browser says the connection is fast (4G-class) and the visitor saves no data. */
export function fastConnection(nav: Navigator = navigator): boolean {
  const connection = (nav as { connection?: Connection }).connection;
  return connection?.effectiveType === '4g' && !connection.saveData;
}

/**
 * Starts `load` once on intent towards `launcher`, or without one towards an element of the
 * page that opens widget `key`, or on a {@link fastConnection} when the browser is idle (see
 * {@link onIntent}). This only
 * fetches ahead: a failure is left to the opening itself, which loads again and reports it.
 * @returns a function that cancels what is still pending.
 */
export function onOpenIntent(
  key: string,
  launcher: HTMLElement | undefined,
  load: () => Promise<unknown>,
): () => void {
  return onIntent(launcher ?? document, () => void load().catch(() => undefined), {
    ...(fastConnection() ? {} : { idleMs: false as const }),
    ...(launcher ? {} : { accept: (element: Element) => element.closest(opener(key)) !== null }),
  });
}
