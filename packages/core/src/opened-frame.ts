/**
 * An opened widget's place in its mounted frame: its style sheets adopted once per shadow root,
 * a container of its own rendered with Preact, and taken away on close — what every widget's
 * opened chunk does the same.
 */
import { type ComponentChild, render } from 'preact';
import type { MountedWidget } from './mount-widget';
import { sheet } from './sheet';
import type { OpenedPart } from './widget-shell';

/** The style texts each shadow root has adopted already. */
const adopted = new WeakMap<ShadowRoot, Set<string>>();

/**
 * Adopts `css` into `root` after its sheets, once: a widget opened again, or a part of it that
 * mounts again (the chat's callback tab, the call itself), adds no second copy.
 */
export function adoptOnce(root: ShadowRoot, css: string): void {
  const texts = adopted.get(root) ?? new Set<string>();
  adopted.set(root, texts);
  if (texts.has(css)) return;
  texts.add(css);
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet(css)];
}

/** Renders `node` into `mounted`'s frame, with the `css` sheets (adopted once per root). */
export function openInFrame(
  mounted: MountedWidget,
  css: string[],
  node: ComponentChild,
): Required<OpenedPart> {
  for (const text of css) adoptOnce(mounted.root, text);
  const container = document.createElement('div');
  mounted.frame.append(container);
  render(node, container);
  return {
    close() {
      render(null, container);
      container.remove();
    },
    hide(hidden) {
      container.hidden = hidden;
    },
  };
}
