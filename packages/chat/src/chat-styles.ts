/**
 * Styles of the opened chat's own parts (the dialog and shared controls are in @frontdesk/core):
 * the dark theme's inputs, tabs, the log and its bubbles, the composer, ratings and messenger
 * buttons. The composer's text is 16 px, so phones do not zoom.
 */
export const chatCss = `
.dialog{height:min(620px,calc(100vh - 100px))}
.fd[data-theme=dark] .input{background:#2b3140;color:#f3f4f6;border-color:#9ca3af}
.fd[data-theme=dark] .input::placeholder{color:#9ca3af}
.head{display:grid;grid-template-columns:auto 1fr;column-gap:12px;align-items:center}
.head>:not(.photo){grid-column:2}
.photo{grid-row:1/span 3;width:44px;height:44px;border-radius:50%;object-fit:cover}
.tabs{display:flex;border-bottom:1px solid color-mix(in srgb,var(--fd-on-secondary) 20%,transparent)}
.tab{flex:1;min-height:44px;margin:0;padding:8px 12px;border:0;border-bottom:3px solid transparent;background:none;color:inherit;font:inherit;font-weight:600;cursor:pointer}
.tab[aria-selected=true]{border-bottom-color:var(--fd-accent)}
.tab:focus-visible{outline:3px solid var(--fd-accent);outline-offset:-3px}
.body{flex:1;grid-template-rows:1fr;align-content:end;gap:10px;min-height:0;overflow:auto}
.log{display:flex;flex-direction:column;gap:8px;min-height:120px;padding:2px;overflow:auto}
.log:focus-visible{outline:2px solid var(--fd-accent)}
.bubble{max-width:85%;padding:8px 12px;border-radius:14px 14px 14px 4px;background:color-mix(in srgb,var(--fd-on-secondary) 9%,transparent);overflow-wrap:anywhere}
.bubble[data-author=visitor]{align-self:flex-end;border-radius:14px 14px 4px 14px;background:var(--fd-primary);color:var(--fd-on-primary)}
.bubble[data-author=system]{align-self:center;background:none;font-size:13px}
.bubble[data-failed]{outline:2px solid var(--fd-error)}
.words{margin:0;white-space:pre-wrap}
.words a{color:inherit;text-decoration:underline}
.words a:focus-visible{outline:2px solid currentColor;outline-offset:2px}
.meta{display:block;margin-top:2px;font-size:12px}
.status{margin:0;min-height:18px;font-size:13px}
.rating{display:flex;flex-wrap:wrap;gap:8px;margin:0;padding:0;border:0}
.rating legend{margin-bottom:6px}
.composer{display:grid;gap:8px}
.composer .input{resize:none;font-size:16px}
.messengers{display:flex;flex-wrap:wrap;gap:8px}
.chip{min-height:40px;margin:0;padding:6px 14px;border:1px solid currentColor;border-radius:999px;background:transparent;color:inherit;font:inherit;font-size:14px;cursor:pointer}
.chip:focus-visible{outline:3px solid var(--fd-accent);outline-offset:2px}
@media (max-width:479.98px){.dialog{height:auto}}
`;
