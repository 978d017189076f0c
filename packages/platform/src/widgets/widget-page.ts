/**
 * A page of the platform showing one widget alone (the Test-widget page, the pop-out call
 * window): the snippet a site owner pastes, opened at once, under a strict Content-Security-Policy
 * with a fresh nonce, like the strictest site.
 */
import { randomBytes } from 'node:crypto';
import { mainLocaleOf } from '@frontdesk/config';
import { type EmbedFormat, snippet } from '@frontdesk/loader';
import type { FastifyReply } from 'fastify';
import type { AppContext } from '../context';
import { ApiError } from '../http/api-error';
import { activeWidget } from './widget-origin';
import type { Widget } from './widget-records';

const KEY = /^[A-Za-z0-9_-]{1,64}$/;

/** Text for an HTML element or a double-quoted attribute. */
function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/** The active widget of a page's `:key`. @throws {ApiError} 404 for a malformed or unknown key. */
export async function pageWidget(ctx: AppContext, key: string): Promise<Widget> {
  if (!KEY.test(key)) throw new ApiError(404, 'widget_not_found', 'No such widget.');
  return activeWidget(ctx, key);
}

/** What differs between the widget pages. */
export interface WidgetPage {
  title: string;
  /** HTML after the heading, inside `<main>`. */
  intro: string;
  format: EmbedFormat;
  /** Script run after the snippet's `open` (nonce'd; JavaScript, not HTML). */
  script?: string;
  /** More `connect-src` origins (the SIP edge's WebSocket). */
  connect?: string[];
  /** Lets the page use the microphone and play media streams. */
  microphone?: boolean;
}

/** Sends the page of `widget`, opened at once. */
export function sendWidgetPage(
  ctx: AppContext,
  reply: FastifyReply,
  widget: Widget,
  page: WidgetPage,
): FastifyReply {
  const nonce = randomBytes(16).toString('base64');
  const platform = new URL(ctx.env.publicUrl).origin;
  const lang = mainLocaleOf(widget.settings);
  const open = `${page.script ?? ''}Frontdesk('open', ${JSON.stringify(widget.key)});`;
  const html = `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
</head>
<body>
<main>
<h1>${escapeHtml(widget.name)}</h1>
${page.intro}</main>
${snippet({ baseUrl: platform, widget: widget.key, format: page.format, nonce })}
<script nonce="${nonce}">${open}</script>
</body>
</html>
`;
  reply.header(
    'content-security-policy',
    [
      "default-src 'none'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self'",
      ['connect-src', "'self'", platform, ...(page.connect ?? [])].join(' '),
      ...(page.microphone ? ["media-src 'self' blob: mediastream:"] : []),
      "img-src 'self'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ].join('; '),
  );
  if (page.microphone) reply.header('permissions-policy', 'microphone=(self)');
  reply.header('cache-control', 'no-store');
  reply.header('referrer-policy', 'no-referrer');
  return reply.type('text/html; charset=utf-8').send(html);
}
