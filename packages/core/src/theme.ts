/**
 * Theme tokens: the configured colours and shape as CSS custom properties of the widget's frame
 * (`.fd`, inside the shadow root: a page rule on the host element could otherwise override
 * them), plus the text colours that stay readable on them (WCAG contrast), whatever colours a
 * marketer picks.
 */

/** The part of a widget's look the tokens come from. */
export interface ThemeLook {
  /** "#rrggbb": launcher, header, main button. */
  primaryColor: string;
  /** "#rrggbb": the widget's body. */
  secondaryColor: string;
  shape: 'square' | 'rounded' | 'figured';
}

const HEX = /^#[0-9a-f]{6}$/i;
const LIGHT = '#ffffff';
// Pure black and white: for any colour one of them reaches 4.58:1, more than WCAG's 4.5.
const DARK = '#000000';
const ERROR = '#b91c1c';
const RADIUS = { square: 0, rounded: 14, figured: 20 };

/** Relative luminance of "#rrggbb" (WCAG 2). */
function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  const [r, g, b] = [n >> 16, (n >> 8) & 255, n & 255].map((c) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two "#rrggbb" colours, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** White or black, whichever reads better on `background`. */
export function readableOn(background: string): string {
  return contrast(background, LIGHT) >= contrast(background, DARK) ? LIGHT : DARK;
}

/** `color` where it reads on `background` (4.5:1), else the plain readable text colour. */
function accentOn(color: string, background: string): string {
  return contrast(color, background) >= 4.5 ? color : readableOn(background);
}

/**
 * The `.fd` rule of a widget's tokens: `--fd-primary`, `--fd-on-primary`, `--fd-secondary`,
 * `--fd-on-secondary`, `--fd-accent` (links, focus rings), `--fd-error`, `--fd-radius`. Colours
 * that are not "#rrggbb" fall back to the defaults (the config schema already refuses them).
 */
export function themeCss(look: ThemeLook): string {
  const primary = HEX.test(look.primaryColor) ? look.primaryColor : '#2563eb';
  const secondary = HEX.test(look.secondaryColor) ? look.secondaryColor : LIGHT;
  return `.fd{--fd-primary:${primary};--fd-on-primary:${readableOn(primary)};--fd-secondary:${secondary};--fd-on-secondary:${readableOn(secondary)};--fd-accent:${accentOn(primary, secondary)};--fd-error:${accentOn(ERROR, secondary)};--fd-radius:${RADIUS[look.shape] ?? RADIUS.rounded}px}`;
}
