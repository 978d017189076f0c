/**
 * Where keyboard focus goes when what held it goes away: never to the page's body. Actions that
 * know better move it themselves (the next order after Done); `useFocusRescue` catches the rest
 * — a button removed by someone else's action, a card that went — and puts focus on the home
 * of the pane it was in (the element marked `data-focus-home`), or on `fallback`.
 */
import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';

/** The `data-*` value of each row (attribute `name`, camelCased as `dataset` has it) in `list`. */
function rowIds(list: Element | null, name: string): string[] {
  return [...(list?.querySelectorAll<HTMLElement>(`[data-${kebab(name)}]`) ?? [])].map(
    (row) => row.dataset[name] ?? '',
  );
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/**
 * Read now, before `id`'s row changes or goes: a function that later focuses the row after it
 * in `list` (else the one before it, else any row), or calls `fallback` when none is left.
 */
export function focusAfterRow(
  list: Element | null,
  name: string,
  id: string,
  fallback: () => void,
): () => void {
  const ids = rowIds(list, name);
  const at = ids.indexOf(id);
  const order = at < 0 ? ids : [...ids.slice(at + 1), ...ids.slice(0, at).reverse()];
  return () => {
    const rows = list?.querySelectorAll<HTMLElement>(`[data-${kebab(name)}]`) ?? [];
    for (const candidate of order) {
      const row = [...rows].find((r) => r.dataset[name] === candidate);
      if (row) return row.focus();
    }
    const first = rows[0];
    if (first) first.focus();
    else fallback();
  };
}

/** Keeps focus off the body inside `root`; see the module comment. */
export function useFocusRescue(root: RefObject<HTMLElement | null>, fallback: () => void): void {
  useEffect(() => {
    const element = root.current;
    if (!element) return;
    let last: Element | null = null;
    let pane: Element | null = null;
    const remember = (event: FocusEvent) => {
      last = event.target as Element;
      pane = last.closest('[data-pane]');
    };
    const observer = new MutationObserver(() => {
      const active = document.activeElement;
      if (!last || last.isConnected || (active && active !== document.body)) return;
      last = null;
      const home = pane?.isConnected
        ? pane.querySelector<HTMLElement>('[data-focus-home]')
        : undefined;
      if (home) home.focus();
      else fallback();
    });
    element.addEventListener('focusin', remember);
    observer.observe(element, { childList: true, subtree: true });
    return () => {
      element.removeEventListener('focusin', remember);
      observer.disconnect();
    };
  }, [root, fallback]);
}
