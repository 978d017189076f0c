/**
 * Loading a widget's opened part on the visitor's intent: interest in its launcher, or — for
 * the link code, which has none — in any of the site's elements that open it.
 */
import { onIntent } from './on-intent';

/** The selector of the site's elements that open widget `key` (`data-frontdesk-open="KEY"`). */
export function opener(key: string): string {
  return `[data-frontdesk-open="${key}"]`;
}

/**
 * Starts `load` once on intent towards `launcher`, or without one towards an element of the
 * page that opens widget `key`, or when the browser is idle (see {@link onIntent}). This only
 * fetches ahead: a failure is left to the opening itself, which loads again and reports it.
 * @returns a function that cancels what is still pending.
 */
export function onOpenIntent(
  key: string,
  launcher: HTMLElement | undefined,
  load: () => Promise<unknown>,
): () => void {
  return onIntent(
    launcher ?? document,
    () => void load().catch(() => undefined),
    launcher ? {} : { accept: (element) => element.closest(opener(key)) !== null },
  );
}
