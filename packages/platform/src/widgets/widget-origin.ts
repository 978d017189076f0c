import { isOriginAllowed } from '@frontdesk/config';
import type { FastifyReply, FastifyRequest, onSendHookHandler } from 'fastify';
import type { AppContext } from '../context';
import { ApiError, widgetNotFound } from '../http/api-error';
import type { Widget } from './widget-records';

/** The live, active widget of a public key. @throws {ApiError} 404 otherwise. */
export async function activeWidget(ctx: AppContext, key: string): Promise<Widget> {
  const widget = await ctx.store.widgets.byKey(key);
  if (!widget?.active) throw widgetNotFound(key);
  return widget;
}

/**
 * Lets a browser call a widget's public endpoints only from the widget's allowed origins and
 * the platform's own pages (the Test-widget page). A request without Origin (curl,
 * server-to-server) is allowed.
 * @throws {ApiError} 403 for a foreign origin, saying where the site owner adds it.
 */
export function allowWidgetOrigin(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  widget: Widget,
): void {
  const origin = request.headers.origin;
  reply.header('vary', 'Origin');
  if (origin === undefined) return;
  if (!mayUseWidget(ctx, origin, widget)) {
    // The loader prints this line as it is: it must tell a site owner what to do — any page can
    // read it, so it names the widget by its public key only.
    throw new ApiError(
      403,
      'origin_not_allowed',
      `widget ${widget.key} is not allowed on ${origin} — add it in the Studio: the widget's Settings → Sites where the widget may run`,
    );
  }
  reply.header('access-control-allow-origin', origin);
}

/**
 * An `onSend` hook for the public widget endpoints: a refusal (any 4xx or 5xx) may be read by
 * every page, so the loader can print why ("not allowed on …", "no active widget …") instead of
 * the browser's bare CORS failure. Refusals carry no widget data; successful answers keep the
 * allowed origins only.
 */
export const readableRefusals: onSendHookHandler = async (request, reply, payload) => {
  const origin = request.headers.origin;
  if (reply.statusCode >= 400 && origin !== undefined) {
    reply.header('access-control-allow-origin', origin);
    reply.header('vary', 'Origin');
  }
  return payload;
};

/**
 * Whether a browser page at `origin` may use `widget`: one of its allowed origins, or the
 * platform's own pages; no Origin at all (curl, server-to-server) may.
 */
export function mayUseWidget(ctx: AppContext, origin: string | undefined, widget: Widget): boolean {
  return (
    origin === undefined ||
    origin === ctx.env.publicUrl ||
    isOriginAllowed(origin, widget.settings.allowedOrigins)
  );
}
