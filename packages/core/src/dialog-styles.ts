/**
 * Styles of an opened widget: the dialog frame (popup, side panel, full screen under 480 px,
 * clear of the safe area), never taller than the visible viewport — its content scrolls inside —
 * its header, and the form controls every widget shares. Inputs use 16 px text so mobile
 * browsers do not zoom; motion only when the visitor has not asked for less.
 */
export const dialogCss = `
.dialog{position:fixed;z-index:2147483001;right:calc(20px + env(safe-area-inset-right,0px));bottom:calc(88px + env(safe-area-inset-bottom,0px));display:flex;flex-direction:column;width:372px;max-width:calc(100vw - 16px);max-height:min(680px,calc(100dvh - 100px));overflow:auto;overscroll-behavior:contain;background:var(--fd-secondary);color:var(--fd-on-secondary);border:1px solid color-mix(in srgb,var(--fd-on-secondary) 22%,transparent);border-radius:var(--fd-radius);outline:none}
.fd[data-position=left] .dialog{right:auto;left:calc(20px + env(safe-area-inset-left,0px))}
.fd[data-shape=figured] .dialog{border-bottom-right-radius:4px}
.fd[data-shape=figured][data-position=left] .dialog{border-bottom-right-radius:var(--fd-radius);border-bottom-left-radius:4px}
.dialog[data-anchored]{left:var(--fd-x,auto);top:var(--fd-y,auto);right:auto;bottom:auto;max-height:min(680px,var(--fd-room,calc(100dvh - 16px)))}
.dialog[data-display=side]{top:0;bottom:0;right:0;left:auto;width:400px;max-height:none;border-radius:0;border-width:0 0 0 1px}
.fd[data-position=left] .dialog[data-display=side]{left:0;right:auto;border-width:0 1px 0 0}
.fd[data-themed] .dialog{box-shadow:0 24px 56px -16px rgb(0 0 0/.4),0 4px 12px rgb(0 0 0/.12)}
.head{position:relative;padding:20px 60px 18px 22px;background:var(--fd-primary);color:var(--fd-on-primary)}
.fd[data-themed] .head{background-image:linear-gradient(135deg,rgb(255 255 255/.18),rgb(0 0 0/.12))}
.title{margin:0;font-size:20px;line-height:1.25;font-weight:700}
.text{margin:6px 0 0;font-size:15px;line-height:1.45}
.head[data-variant=non-working] .text{font-size:13px}
.close{position:absolute;z-index:1;top:12px;right:12px;display:grid;place-items:center;width:40px;height:40px;margin:0;padding:0;border:0;border-radius:50%;background:transparent;color:var(--fd-on-primary);cursor:pointer}
.close svg{width:20px;height:20px;fill:none;stroke:currentColor;stroke-width:2.25;stroke-linecap:round}
.close:hover{background:rgb(127 127 127/.25)}
.close:focus-visible{outline:3px solid var(--fd-on-primary);outline-offset:-3px}
.body{display:grid;gap:16px;padding:18px 22px 20px}
.field{display:grid;gap:6px;margin:0;padding:0;border:0;min-width:0}
.label{font-size:14px;font-weight:600;line-height:1.3}
.hint{margin:0;font-size:13px;line-height:1.4}
.msg{margin:0;min-height:18px;font-size:13px;line-height:1.4}
.msg[data-tone=error],.alert{color:var(--fd-error)}
.alert{margin:0;font-size:14px;font-weight:600}
.alert:empty{display:none}
.input,.select{width:100%;min-width:0;min-height:46px;margin:0;padding:10px 12px;border:1px solid #6b7280;border-radius:min(var(--fd-radius),10px);background:#fff;color:#111827;font:inherit;line-height:1.3}
.input::placeholder{color:#6b7280;opacity:1}
.input[aria-invalid=true]{border-color:#b91c1c;box-shadow:inset 0 0 0 1px #b91c1c}
.input:focus-visible,.select:focus-visible,.check input:focus-visible{outline:3px solid var(--fd-accent);outline-offset:2px}
.check{display:flex;gap:10px;align-items:flex-start;font-size:14px;line-height:1.4;cursor:pointer}
.check input{flex:none;width:20px;height:20px;margin:1px 0 0;accent-color:var(--fd-accent)}
.send{display:flex;align-items:center;justify-content:center;width:100%;min-height:50px;margin:0;padding:12px 18px;border:0;border-radius:min(var(--fd-radius),12px);background:var(--fd-primary);color:var(--fd-on-primary);font:inherit;font-weight:600;line-height:1.2;cursor:pointer}
.fd[data-themed] .send{box-shadow:0 6px 16px -6px rgb(0 0 0/.4);background-image:linear-gradient(180deg,rgb(255 255 255/.14),rgb(0 0 0/.08))}
.send:focus-visible{outline:3px solid var(--fd-accent);outline-offset:3px}
.send:disabled{opacity:.55;cursor:not-allowed;box-shadow:none}
.done{display:grid;gap:10px;outline:none}
.done h3{margin:0;font-size:18px}
.done p{margin:0}
.brand{margin:0;padding:0 22px 16px;font-size:12px;text-align:center}
.brand a{color:var(--fd-accent);text-decoration:underline}
.brand a:focus-visible{outline:2px solid var(--fd-accent);outline-offset:2px}
.sr-only,.trap{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap;border:0}
@media (max-width:479.98px){.dialog,.dialog[data-anchored],.dialog[data-display=side]{inset:0;width:auto;max-width:none;max-height:none;padding:env(safe-area-inset-top,0px) env(safe-area-inset-right,0px) env(safe-area-inset-bottom,0px) env(safe-area-inset-left,0px);border-radius:0;border:0}}
@media (prefers-reduced-motion:no-preference){.dialog{animation:fd-in .18s ease-out}.dialog[data-display=side]{animation-name:fd-side}}
@keyframes fd-in{from{opacity:0;translate:0 8px}}
@keyframes fd-side{from{opacity:0;translate:var(--fd-slide,24px) 0}}
.fd[data-position=left]{--fd-slide:-24px}
@media (forced-colors:active){.dialog{border:1px solid CanvasText}.send{border:2px solid ButtonText}}
`;
