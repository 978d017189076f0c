/**
 * The embed code a site owner pastes before `</body>`: the one source of its text for the
 * platform's admin API, the Studio, the docs and the demo site.
 */

/** How the widget shows on the page: a floating button, no launcher (link code), or an edge tab. */
export type EmbedFormat = 'button' | 'link' | 'label';

/** What goes into a snippet. */
export interface SnippetOptions {
  /** The platform's public URL, e.g. `https://frontdesk.example`; the loader is at `/v1/loader.js`. */
  baseUrl: string;
  /** The widget's public key. */
  widget: string;
  format: EmbedFormat;
  /** A CSP nonce to put on both script tags, for pages with a strict policy. */
  nonce?: string;
  /** Let the widget use cookies and storage from the start (the site's own banner covers it). */
  consent?: boolean;
}

const KEY_RE = /^[A-Za-z0-9_-]{1,64}$/;
const NONCE_RE = /^[A-Za-z0-9+/=_-]{1,128}$/;

/** `true` for the launcher format names the loader understands. */
export function isEmbedFormat(value: unknown): value is EmbedFormat {
  return value === 'button' || value === 'link' || value === 'label';
}

/**
 * The snippet: an inline stub that queues `Frontdesk(...)` calls until the loader arrives, the
 * `init` command, and the async loader script. Safe to paste twice: the stub keeps an existing
 * queue and the loader runs once.
 */
export function snippet(options: SnippetOptions): string {
  const { widget, format, nonce } = options;
  if (!KEY_RE.test(widget))
    throw new TypeError(`widget key "${widget}" is not a public widget key`);
  if (!isEmbedFormat(format))
    throw new TypeError(`format "${String(format)}" is not button, link or label`);
  if (nonce !== undefined && !NONCE_RE.test(nonce))
    throw new TypeError('nonce has characters a CSP nonce cannot have');
  const base = new URL(options.baseUrl);
  const loader = new URL('/v1/loader.js', base).href;
  const init = { widget, launcher: format, ...(options.consent ? { consent: true } : {}) };
  const nonceAttr = nonce ? ` nonce="${nonce}"` : '';
  return [
    '<!-- Frontdesk -->',
    `<script${nonceAttr}>`,
    '  window.Frontdesk = window.Frontdesk || function () { (Frontdesk.q = Frontdesk.q || []).push(arguments); };',
    // JSON keeps the values literal: no quote in a key or option can close the string.
    `  Frontdesk('init', ${JSON.stringify(init)});`,
    '</script>',
    `<script async src="${escapeAttribute(loader)}"${nonceAttr}></script>`,
  ].join('\n');
}

/** The attribute that makes any element open the widget (the "link code"). */
export function openAttribute(widget: string): string {
  return `data-frontdesk-open="${escapeAttribute(widget)}"`;
}

function escapeAttribute(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}
