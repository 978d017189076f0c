/**
 * Styles of the widget frame and its launchers: everything the page shows before the visitor
 * opens a widget. The host element resets every property with `!important` — inside a shadow
 * root that beats even a page's `* { all: unset !important }` — and all sizes are in px, since
 * `rem` would follow the page's root font size. On narrow screens (phones) a launcher is its
 * icon alone, named by its text still, and every launcher keeps clear of the screen's safe area
 * (notches, rounded corners, the home indicator).
 */
export const launcherCss = `
:host{all:initial!important;display:block!important;position:static!important;visibility:visible!important}
.fd{font:400 16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fd-on-secondary);-webkit-font-smoothing:antialiased;text-align:start}
.fd *,.fd *::before,.fd *::after{box-sizing:border-box}
.launcher{position:fixed;z-index:2147483000;bottom:calc(20px + env(safe-area-inset-bottom,0px));right:calc(20px + env(safe-area-inset-right,0px));display:inline-flex;align-items:center;gap:10px;min-height:52px;max-width:calc(100vw - 40px);margin:0;padding:12px 22px 12px 18px;border:0;border-radius:999px;background:var(--fd-primary);color:var(--fd-on-primary);font:inherit;font-weight:600;line-height:1.2;cursor:pointer}
.fd[data-shape=square] .launcher{border-radius:0}
.fd[data-shape=figured] .launcher{border-radius:24px 24px 4px 24px}
.fd[data-position=left] .launcher{right:auto;left:calc(20px + env(safe-area-inset-left,0px))}
.fd[data-shape=figured][data-position=left] .launcher{border-radius:24px 24px 24px 4px}
.fd[data-shape=figured] .launcher[data-format=button]::after{content:"";position:absolute;right:-7px;bottom:0;border:0 solid transparent;border-width:0 0 12px 12px;border-left-color:var(--fd-primary)}
.fd[data-shape=figured][data-position=left] .launcher[data-format=button]::after{right:auto;left:-7px;border-width:0 12px 12px 0;border-left-color:transparent;border-right-color:var(--fd-primary)}
.launcher svg{width:22px;height:22px;flex:none;fill:currentColor}
.name{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.launcher[data-format=label]{top:50%;bottom:auto;right:env(safe-area-inset-right,0px);min-height:0;max-height:calc(100vh - 40px);padding:18px 12px;translate:0 -50%;writing-mode:vertical-rl;border-radius:var(--fd-radius) 0 0 var(--fd-radius)}
.launcher[data-format=label] svg{display:none}
.fd[data-position=left] .launcher[data-format=label]{left:env(safe-area-inset-left,0px);right:auto;rotate:180deg;translate:0 50%;border-radius:var(--fd-radius) 0 0 var(--fd-radius)}
.fd[data-themed] .launcher{box-shadow:0 8px 24px -6px rgb(0 0 0/.35),0 2px 6px rgb(0 0 0/.15);background-image:linear-gradient(180deg,rgb(255 255 255/.16),rgb(0 0 0/.08))}
.launcher:focus-visible{outline:3px solid var(--fd-primary);outline-offset:3px;box-shadow:0 0 0 3px #fff}
@media (max-width:479.98px){.launcher{width:56px;height:56px;min-height:0;padding:0;justify-content:center}.launcher .name{position:absolute;width:1px;height:1px;clip-path:inset(50%)}.fd[data-position] .launcher[data-format=label]{width:44px;height:44px;writing-mode:horizontal-tb;rotate:none;translate:0 -50%}.fd[data-position=left] .launcher[data-format=label]{border-radius:0 var(--fd-radius) var(--fd-radius) 0}.launcher[data-format=label] svg{display:block}}
@media (prefers-reduced-motion:no-preference){.launcher{transition:translate .15s ease,box-shadow .15s ease}.launcher[data-format=button]:hover{translate:0 -2px}}
@media (forced-colors:active){.launcher{border:2px solid ButtonText}}
`;
