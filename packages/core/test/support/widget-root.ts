/**
 * A started widget as a visitor meets it: its element on the page (`frontdesk-<type>`) and
 * Testing Library's queries inside its shadow root, by role, label and text.
 */
import { within } from '@testing-library/preact';

/**
 * The open shadow root of the widget element `tag` in `scope` (the page, or a panel of it), if one
 * is there: the element the loader puts on the page is found by its tag (it has no role).
 */
export function widgetRoot(
  tag: `frontdesk-${string}`,
  scope: ParentNode = document,
): ShadowRoot | undefined {
  return scope.querySelector(tag)?.shadowRoot ?? undefined;
}

/**
 * Testing Library's queries inside the widget `tag`: in its frame, the one element of its shadow
 * root that holds the launcher and the opened dialog (an element, so a failed query prints it).
 * Throws when the widget is not in `scope`.
 */
export function inWidget(tag: `frontdesk-${string}`, scope: ParentNode = document) {
  const frame = widgetRoot(tag, scope)?.firstElementChild;
  if (!(frame instanceof HTMLElement)) throw new Error(`no ${tag} on the page`);
  return within(frame);
}

/**
 * What a launcher shows the eye only (hidden from screen readers, who hear it in its name): the
 * chat's unread badge. Expects exactly one such part.
 */
export function launcherBadge(launcher: Element): HTMLElement {
  const hidden = [...launcher.children].filter(
    (child) => child.localName === 'span' && child.getAttribute('aria-hidden') === 'true',
  );
  if (hidden.length !== 1) throw new Error(`${hidden.length} parts for the eye only, not 1`);
  return hidden[0] as HTMLElement;
}
