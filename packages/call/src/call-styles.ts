/** Styles of the call widget's own parts (the shared controls are in @frontdesk/core). */
export const callCss = `
.state{margin:0;font-size:16px;font-weight:600;min-height:22px}
.state:empty{display:none}
.controls{display:grid;grid-template-columns:1fr 1fr;gap:10px}
.ctl{min-height:46px;margin:0;padding:10px 14px;border:1px solid currentColor;border-radius:min(var(--fd-radius),12px);background:transparent;color:inherit;font:inherit;cursor:pointer}
.ctl[aria-pressed=true]{background:var(--fd-primary);color:var(--fd-on-primary)}
.ctl:focus-visible,.key:focus-visible{outline:3px solid var(--fd-accent);outline-offset:2px}
.ctl:disabled{opacity:.55;cursor:not-allowed}
.hangup{background:#b91c1c;border-color:#b91c1c;color:#fff}
.pad{margin:0;padding:0;border:0;min-width:0;display:grid;grid-template-columns:repeat(3,1fr);gap:8px}
.digits{grid-column:1/-1;min-height:26px;font-size:20px;letter-spacing:.12em;text-align:center}
.key{min-height:44px;border:1px solid color-mix(in srgb,currentColor 35%,transparent);border-radius:min(var(--fd-radius),10px);background:transparent;color:inherit;font:inherit;font-size:18px;cursor:pointer}
`;
