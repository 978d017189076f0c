/** The widget's place on the page: a custom element with an open shadow root of its own. */
import { sheet } from './sheet';

/** A mounted widget. */
export interface MountedWidget {
  /** The custom element, last child of `<body>`. */
  host: HTMLElement;
  root: ShadowRoot;
  /** The element everything of the widget renders into; its `data-*` select the look. */
  frame: HTMLDivElement;
  /** Takes the widget off the page. */
  remove(): void;
}

/** Look switches of a widget frame, as `data-*` attributes its stylesheets select on. */
export interface FrameLook {
  shape: string;
  position: 'left' | 'right';
  themed: boolean;
}

/**
 * Mounts widget `key` as a `<tag>` element (defined once per page, e.g. `frontdesk-callback`),
 * styled by `css` sheets only: the host page's CSS reaches none of it, its own leaks nowhere.
 */
export function mountWidget(
  tag: `frontdesk-${string}`,
  key: string,
  look: FrameLook,
  css: string[],
): MountedWidget {
  if (!customElements.get(tag)) customElements.define(tag, class extends HTMLElement {});
  const host = document.createElement(tag);
  host.setAttribute('data-widget', key);
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = css.map(sheet);
  const frame = document.createElement('div');
  frame.className = 'fd';
  frame.dataset.shape = look.shape;
  frame.dataset.position = look.position;
  if (look.themed) frame.dataset.themed = '';
  root.append(frame);
  (document.body ?? document.documentElement).append(host);
  return {
    host,
    root,
    frame,
    remove: () => host.remove(),
  };
}
