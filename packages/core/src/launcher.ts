/**
 * The launchers: a floating button or a vertical edge tab, each a `<button>` named by the
 * configured text. Plain DOM, not Preact: the launcher must show within the launcher budget,
 * and Preact comes with the opened widget.
 */

const SVG = 'http://www.w3.org/2000/svg';
const HANDSET =
  'M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1z';

/** The launcher a widget shows; the link code has none. */
export type LauncherKind = 'button' | 'label';

/**
 * A launcher `<button>` of `kind` showing `text` (its accessible name, also where narrow screens
 * show the icon alone), announcing that it opens a dialog; `aria-expanded` follows the widget.
 */
export function createLauncher(kind: LauncherKind, text: string): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'launcher';
  button.dataset.format = kind;
  button.setAttribute('aria-haspopup', 'dialog');
  button.setAttribute('aria-expanded', 'false');
  // The edge tab shows its icon only where it shrinks to one (narrow screens, see the styles).
  const icon = document.createElementNS(SVG, 'svg');
  icon.setAttribute('viewBox', '0 0 24 24');
  icon.setAttribute('aria-hidden', 'true');
  icon.setAttribute('focusable', 'false');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', HANDSET);
  icon.append(path);
  button.append(icon);
  const label = document.createElement('span');
  label.className = 'name';
  label.textContent = text;
  button.append(label);
  return button;
}

/** Changes `launcher`'s text (and so its accessible name), e.g. when presence changes. */
export function setLauncherText(launcher: HTMLButtonElement | undefined, text: string): void {
  const label = launcher?.querySelector('span');
  if (label) label.textContent = text;
}
