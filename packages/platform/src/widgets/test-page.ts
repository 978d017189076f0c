/**
 * The Test-widget page, `GET /test/:key`: one widget alone on a page of the platform, following
 * its schedule and look, embedded with the very snippet a site owner pastes and opened at once.
 * Served under a strict Content-Security-Policy with a fresh nonce, like the strictest site.
 */
import type { WidgetSettings } from '@frontdesk/config';
import { type EmbedFormat, openAttribute } from '@frontdesk/loader';
import * as v from 'valibot';
import type { AppContext } from '../context';
import { type PlatformApp, routeSchema } from '../http/route-schema';
import { pageWidget, sendWidgetPage } from './widget-page';

/** `:key` as the router gives it: pageWidget answers 404 for a key no widget has. */
const PageParams = v.object({ key: v.string() });

/** The embed format the Studio offers first for a widget's settings. */
function formatOf(settings: WidgetSettings): EmbedFormat {
  if (settings.type !== 'callback') return 'button';
  if (settings.appearance.callFormat === 'label') return 'label';
  return settings.appearance.popupVariant;
}

/** `GET /test/:key`: see the module comment. */
export function registerTestPage(app: PlatformApp, ctx: AppContext): void {
  app.get(
    '/test/:key',
    { schema: { hide: true, params: routeSchema(PageParams) } },
    async (request, reply) => {
      const widget = await pageWidget(ctx, request.params.key);
      const format = formatOf(widget.settings);
      return sendWidgetPage(ctx, reply, widget, {
        title: `${widget.name} — Frontdesk test page`,
        intro: `<p>This page shows the widget as visitors see it now, following its schedule.</p>
${format === 'link' ? `<p><button type="button" ${openAttribute(widget.key)}>Open the widget</button></p>\n` : ''}`,
        format,
      });
    },
  );
}
