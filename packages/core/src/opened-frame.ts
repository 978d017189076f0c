/**
 * An opened widget's place in its mounted frame: its style sheets adopted once per shadow root,
 * a container of its own rendered with Preact, and taken away on close — what every widget's
 * opened chunk does the same.
 */
import { type ComponentChild, render } from 'preact';
import type { MountedWidget } from './mount-widget';
import { sheet } from './sheet';
import type { OpenedPart } from './widget-shell';

const styled = new WeakSet<ShadowRoot>();

/** Renders `node` into `mounted`'s frame, with the `css` sheets (adopted once per root). */
export function openInFrame(
  mounted: MountedWidget,
  css: string[],
  node: ComponentChild,
): Required<OpenedPart> {
  if (!styled.has(mounted.root)) {
    mounted.adopt(...css.map(sheet));
    styled.add(mounted.root);
  }
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
