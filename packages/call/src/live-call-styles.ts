/**
 * Styles of the call itself — mute and hang up, the dial pad — that its chunk brings and adopts
 * into the widget's shadow root, after the opened widget's (call-styles.ts).
 */
import { adoptOnce } from '@frontdesk/core';

/** The call's own rules. */
export const liveCallCss = `
.controls{display:grid;grid-template-columns:1fr 1fr;gap:10px}
.ctl[aria-pressed=true]{background:var(--fd-primary);color:var(--fd-on-primary)}
.ctl:disabled{opacity:.55;cursor:not-allowed}
.hangup{background:#b91c1c;border-color:#b91c1c;color:#fff}
.pad{margin:0;padding:0;border:0;min-width:0;display:grid;grid-template-columns:repeat(3,1fr);gap:8px}
.digits{grid-column:1/-1;min-height:26px;font-size:20px;letter-spacing:.12em;text-align:center}
.key{min-height:44px;border:1px solid color-mix(in srgb,currentColor 35%,transparent);border-radius:min(var(--fd-radius),10px);background:transparent;color:inherit;font:inherit;font-size:18px;cursor:pointer}
.key:focus-visible{outline:3px solid var(--fd-accent);outline-offset:2px}
`;

/** Adopts the call's rules into the shadow root of `element` (once; none outside one). */
export function styleLiveCall(element: Element | null | undefined): void {
  const root = element?.getRootNode();
  if (root instanceof ShadowRoot) adoptOnce(root, liveCallCss);
}
