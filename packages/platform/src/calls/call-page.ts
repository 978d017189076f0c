/**
 * The call window, `GET /call/:key`: a call widget alone on a small page of the platform, opened
 * by the widget's "pop out" button (or its `popOut` setting) with `window.open`, so the visitor
 * can go on browsing the site without ending the call. Embedded with the very snippet a site
 * owner pastes and opened at once; served under a strict Content-Security-Policy with a fresh
 * nonce that lets the page reach the platform and the SIP edge's WebSocket, and use the
 * microphone.
 */
import * as v from 'valibot';
import type { AppContext } from '../context';
import { ApiError } from '../http/api-error';
import { type PlatformApp, routeSchema } from '../http/route-schema';
import { pageWidget, sendWidgetPage } from '../widgets';

/** `:key` as the router gives it: pageWidget answers 404 for a key no widget has. */
const PageParams = v.object({ key: v.string() });

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
  app: PlatformApp,
  ctx: AppContext,
  sipWsBase: () => string | undefined = () => ctx.env.sipWsUrl,
): void {
  app.get(
    '/call/:key',
    { schema: { hide: true, params: routeSchema(PageParams) } },
    async (request, reply) => {
      const widget = await pageWidget(ctx, request.params.key);
      if (widget.settings.type !== 'call') {
        throw new ApiError(404, 'widget_not_found', 'No such call widget.');
      }
      const sip = wsOrigin(sipWsBase());
      return sendWidgetPage(ctx, reply, widget, {
        title: widget.name,
        intro: '',
        format: 'button',
        // Marks the window, so the widget in it offers no pop-out of its own.
        script: `window.name = ${JSON.stringify(`frontdesk-call-${widget.key}`)}; `,
        connect: sip ? [sip] : [],
        microphone: true,
      });
    },
  );
}
