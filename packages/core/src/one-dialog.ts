/**
 * One widget dialog open on a page at a time. The widgets of a page are started by one loader,
 * whose `window.Frontdesk` tells page listeners each widget's `open` and `close` (see
 * `WidgetEvents`): a widget listens there, closes itself when another one opens, and knows
 * whether another one is open (its lead generator then waits). The Studio's preview has no
 * loader: its widgets do not see each other.
 */

/** The page API as a widget uses it. */
type PageApi = (command: 'on', event: string, listener: (detail: unknown) => void) => void;

/** What {@link oneDialog} tells a widget. */
export interface OneDialog {
  /** Whether another widget of the page has its dialog open. */
  othersOpen(): boolean;
}

/** Makes widget `key` close (`close`) whenever another widget of the page opens. */
export function oneDialog(key: string, close: () => void): OneDialog {
  const open = new Set<unknown>();
  const api = (window as { Frontdesk?: PageApi }).Frontdesk;
  const widget = (detail: unknown) => (detail as { widget?: unknown } | null)?.widget;
  api?.('on', 'open', (detail) => {
    if (widget(detail) === key) return;
    open.add(widget(detail));
    close();
  });
  api?.('on', 'close', (detail) => open.delete(widget(detail)));
  return { othersOpen: () => open.size > 0 };
}
