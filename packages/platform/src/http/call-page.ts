/**
 * The call window, `GET /call/:key`: a call widget alone on a small page of the platform, opened
 * by the widget's "pop out" button (or its `popOut` setting) with `window.open`, so the visitor
 * can go on browsing the site without ending the call. Embedded with the very snippet a site
 * owner pastes and opened at once; served under a strict Content-Security-Policy with a fresh
 * nonce that lets the page reach the platform and the SIP edge's WebSocket, and use the
 * microphone.
 *
 * Wiring (app.ts): `registerCallPage(app, ctx, () => platform.sipEdge?.status().wsBaseUrl)`.
 */
import { randomBytes } from 'node:crypto';
import { snippet } from '@frontdesk/loader';
import type { FastifyInstance } from 'fastify';
import { ApiError } from './api-error';
import type { AppContext } from './context';
import { activeWidget } from './widget-origin';

const KEY = /^[A-Za-z0-9_-]{1,64}$/;

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/** The origin of a `ws(s)://` URL, or undefined. */
function wsOrigin(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'ws:' || parsed.protocol === 'wss:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `GET /call/:key`: see the module comment. `sipWsBase` tells where the SIP edge's WebSocket
 * listens now (`platform.sipEdge.status().wsBaseUrl`), for the page's `connect-src`.
 */
export function registerCallPage(
  app: FastifyInstance,
  ctx: AppContext,
  sipWsBase: () => string | undefined = () => ctx.env.sipWsUrl,
): void {
  app.get('/call/:key', { schema: { hide: true } }, async (request, reply) => {
    const { key } = request.params as { key: string };
    if (!KEY.test(key)) throw new ApiError(404, 'widget_not_found', 'No such widget.');
    const widget = await activeWidget(ctx, key);
    if (widget.settings.type !== 'call') {
      throw new ApiError(404, 'widget_not_found', 'No such call widget.');
    }
    const nonce = randomBytes(16).toString('base64');
    const platform = new URL(ctx.env.publicUrl).origin;
    const sip = wsOrigin(sipWsBase());
    const lang = widget.settings.locale === 'en' ? 'en' : 'ru';
    const html = `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(widget.name)}</title>
</head>
<body>
<main>
<h1>${escapeHtml(widget.name)}</h1>
</main>
${snippet({ baseUrl: platform, widget: key, format: 'button', nonce })}
<script nonce="${nonce}">window.name = ${JSON.stringify(`frontdesk-call-${key}`)}; Frontdesk('open', ${JSON.stringify(key)});</script>
</body>
</html>
`;
    reply.header(
      'content-security-policy',
      [
        "default-src 'none'",
        `script-src 'self' 'nonce-${nonce}'`,
        "style-src 'self'",
        `connect-src 'self' ${platform}${sip ? ` ${sip}` : ''}`,
        "media-src 'self' blob: mediastream:",
        "img-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
      ].join('; '),
    );
    reply.header('permissions-policy', 'microphone=(self)');
    reply.header('cache-control', 'no-store');
    reply.header('referrer-policy', 'no-referrer');
    return reply.type('text/html; charset=utf-8').send(html);
  });
}
