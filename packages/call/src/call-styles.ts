/**
 * Styles of the call widget's own parts before a call (the shared controls are in
 * @frontdesk/core; the call's own, its controls and dial pad, are live-call-styles.ts).
 */
export const callCss = `
.state{margin:0;font-size:16px;font-weight:600;min-height:22px}
.state:empty{display:none}
.ctl{min-height:46px;margin:0;padding:10px 14px;border:1px solid currentColor;border-radius:min(var(--fd-radius),12px);background:transparent;color:inherit;font:inherit;cursor:pointer}
.ctl:focus-visible{outline:3px solid var(--fd-accent);outline-offset:2px}
`;
