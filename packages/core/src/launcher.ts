/**
 * The launchers: a floating button or a vertical edge tab, each a `<button>` named by the
 * configured text. Plain DOM, not Preact: the launcher must show within the launcher budget,
 * and Preact comes with the opened widget.
 */
import { type LocalizedText, type Presence, textIn } from '@frontdesk/config';
import type { Locale } from './pick-locale';

const SVG = 'http://www.w3.org/2000/svg';
const HANDSET =
  'M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1z';

/** The launcher a widget shows; the link code has none. */
export type LauncherKind = 'button' | 'label';

/**
 * A launcher `<button>` of `kind` (named by {@link setLauncherText}; narrow screens show its icon
 * alone), announcing that it opens a dialog; `aria-expanded` follows the widget.
 */
export function createLauncher(kind: LauncherKind): HTMLButtonElement {
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
  button.append(label);
  return button;
}

/** The button texts of a widget's look a launcher shows, per language. */
export interface LauncherTexts {
  working: { buttonText: LocalizedText };
  nobody: { buttonText: LocalizedText };
}

/**
 * Names `launcher` (its text and accessible name) by `look`'s button text in `locale`: the
 * working one only while someone can answer (`presence` online), else the "nobody available"
 * one, so it promises nothing before the platform says someone is there.
 */
export function setLauncherText(
  launcher: HTMLButtonElement | undefined,
  look: LauncherTexts,
  presence: Presence | undefined,
  locale: Locale,
): void {
  const label = launcher?.querySelector('span');
  if (label)
    label.textContent = textIn(
      look[presence === 'online' ? 'working' : 'nobody'].buttonText,
      locale,
    );
}
