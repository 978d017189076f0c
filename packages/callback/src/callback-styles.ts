/** Styles of the callback form's own parts (the shared controls are in @frontdesk/core). */
export const callbackCss = `
.form{display:grid;gap:14px}
.phone{display:grid;grid-template-columns:minmax(92px,auto) 1fr;gap:8px}
.msg[data-tone=ok]::before{content:"✓ "}
.select optgroup{font-weight:700}
`;
