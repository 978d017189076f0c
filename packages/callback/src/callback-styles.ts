/**
 * Styles of the callback form's own parts (the shared controls are in @frontdesk/core): the
 * country list takes at most 42 % of the phone row, a long country name is cut, not the number.
 */
export const callbackCss = `
.form{display:grid;gap:14px}
.phone{display:grid;grid-template-columns:minmax(92px,42%) 1fr;gap:8px}
.msg[data-tone=ok]::before{content:"✓ "}
.select optgroup{font-weight:700}
`;
