/**
 * Styles of the callback form inside the chat's tab: its header sits in the panel, not as a
 * second coloured banner, and its phone row (@frontdesk/callback's own sheet is not part of
 * its public door) lays out here.
 */
export const callbackTabCss = `
.body .head{padding:0;background:none;color:inherit}
.body .head .title{font-size:17px}
.form{display:grid;gap:14px}
.phone{display:grid;grid-template-columns:minmax(92px,auto) 1fr;gap:8px}
`;
