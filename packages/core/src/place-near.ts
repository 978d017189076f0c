/**
 * Placement of a popup next to what opened it, by @floating-ui/core. The coordinates and the
 * room left on the popup's side of its anchor go into custom properties of a rule in the shadow
 * root's own stylesheet (`--fd-x`, `--fd-y`, `--fd-room`), never into a `style` attribute; the
 * popup's CSS caps its height to that room, and what does not fit scrolls inside it.
 *
 * The platform is the widgets' own, not @floating-ui/dom's: a widget's popup is `position:
 * fixed` in a shadow root on `<body>`, so its anchor's rectangle, its own size and the viewport
 * are all there is to know (the launchers are fixed the same way) — and the opened widget's
 * budget keeps the 2.5 KB the DOM platform's general case would cost.
 */
import {
  computePosition,
  flip,
  offset,
  type Placement,
  type Platform,
  size as room,
  shift,
} from '@floating-ui/core';

export type { Placement } from '@floating-ui/core';

const rules = new WeakMap<ShadowRoot, CSSStyleRule>();

/** An element's layout size (transforms such as the popup's entry animation left out). */
const size = (element: unknown) => ({
  width: (element as HTMLElement).offsetWidth,
  height: (element as HTMLElement).offsetHeight,
});

/** Rectangles in viewport coordinates, which `position: fixed` uses; the viewport clips. */
const viewport: Platform = {
  getElementRects: ({ reference, floating }) => {
    const { x, y, width, height } = (reference as Element).getBoundingClientRect();
    return { reference: { x, y, width, height }, floating: { x: 0, y: 0, ...size(floating) } };
  },
  getDimensions: size,
  getClippingRect: () => {
    const { clientWidth: width, clientHeight: height } = document.documentElement;
    return { x: 0, y: 0, width, height };
  },
};

/**
 * The `.fd` rule of `root`'s position sheet, adopted on first use (not `:host`: a page rule on
 * the host element would win over it).
 */
function positionRule(root: ShadowRoot): CSSStyleRule {
  let rule = rules.get(root);
  if (!rule) {
    const created = new CSSStyleSheet();
    created.replaceSync('.fd{}');
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, created];
    rule = created.cssRules[0] as CSSStyleRule;
    rules.set(root, rule);
  }
  return rule;
}

/**
 * Keeps `floating` (inside a shadow root) next to `anchor` at `placement`, flipped and shifted
 * into the viewport, as the page scrolls and resizes and as the popup's content changes size.
 * (Scroll, resize and a ResizeObserver cover what a popup of a widget needs: @floating-ui's
 * `autoUpdate` would cost the opened widget's budget most of a kilobyte.)
 * @returns the function that stops following.
 */
export function placeNear(
  floating: HTMLElement,
  anchor: Element,
  placement: Placement,
): () => void {
  const root = floating.getRootNode();
  if (!(root instanceof ShadowRoot)) return () => {};
  const rule = positionRule(root);
  const set = (name: string, px: number) => rule.style.setProperty(name, `${Math.round(px)}px`);
  const update = () => {
    void computePosition(anchor, floating, {
      platform: viewport,
      strategy: 'fixed',
      placement,
      // On the side of its anchor with room for it (or the roomier side), no taller than that
      // room; shifted along both axes, so that nothing of it ever leaves the viewport.
      middleware: [
        offset(12),
        flip({ padding: 8 }),
        room({ padding: 8, apply: ({ availableHeight }) => set('--fd-room', availableHeight) }),
        shift({ padding: 8, crossAxis: true }),
      ],
    }).then(({ x, y }) => {
      set('--fd-x', x);
      set('--fd-y', y);
    });
  };
  const resized = new ResizeObserver(update);
  resized.observe(floating);
  addEventListener('resize', update, { passive: true });
  addEventListener('scroll', update, { passive: true, capture: true });
  return () => {
    resized.disconnect();
    removeEventListener('resize', update);
    removeEventListener('scroll', update, { capture: true });
  };
}
