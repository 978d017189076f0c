/**
 * The Test-widget page, `GET /test/:key`: one widget alone on a page of the platform, following
 * its schedule and look, embedded with the very snippet a site owner pastes and opened at once.
 * Served under a strict Content-Security-Policy with a fresh nonce, like the strictest site.
 */
import { randomBytes } from 'node:crypto';
import type { WidgetSettings } from '@frontdesk/config';
import { type EmbedFormat, openAttribute, snippet } from '@frontdesk/loader';
import type { FastifyInstance } from 'fastify';
import { ApiError } from './api-error';
import type { AppContext } from './context';
import { activeWidget } from './widget-origin';

const KEY = /^[A-Za-z0-9_-]{1,64}$/;

/** The embed format the Studio offers first for a widget's settings. */
function formatOf(settings: WidgetSettings): EmbedFormat {
  if (settings.type !== 'callback') return 'button';
  if (settings.appearance.callFormat === 'label') return 'label';
  return settings.appearance.popupVariant;
}

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/** `GET /test/:key`: see the module comment. */
export function registerTestPage(app: FastifyInstance, ctx: AppContext): void {
  app.get('/test/:key', { schema: { hide: true } }, async (request, reply) => {
    const { key } = request.params as { key: string };
    if (!KEY.test(key)) throw new ApiError(404, 'widget_not_found', 'No such widget.');
    const widget = await activeWidget(ctx, key);
    const nonce = randomBytes(16).toString('base64');
    const format = formatOf(widget.settings);
    const platform = new URL(ctx.env.publicUrl).origin;
    const lang = widget.settings.locale === 'en' ? 'en' : 'ru';
    const html = `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(widget.name)} — Frontdesk test page</title>
</head>
<body>
<main>
<h1>${escapeHtml(widget.name)}</h1>
<p>This page shows the widget as visitors see it now, following its schedule.</p>
${format === 'link' ? `<p><button type="button" ${openAttribute(key)}>Open the widget</button></p>` : ''}
</main>
${snippet({ baseUrl: platform, widget: key, format, nonce })}
<script nonce="${nonce}">Frontdesk('open', ${JSON.stringify(key)});</script>
</body>
</html>
`;
    reply.header(
      'content-security-policy',
      [
        "default-src 'none'",
        `script-src 'self' 'nonce-${nonce}'`,
        "style-src 'self'",
        `connect-src 'self' ${platform}`,
        "img-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
      ].join('; '),
    );
    reply.header('cache-control', 'no-store');
    reply.header('referrer-policy', 'no-referrer');
    return reply.type('text/html; charset=utf-8').send(html);
  });
}
