import { createHash } from 'node:crypto';
import { toPublicConfig } from '@frontdesk/config';
import { calendarDays, callbackSlots, createSchedule, dateIn } from '@frontdesk/schedule';
import * as v from 'valibot';
import type { AppContext } from '../context';
import { type PlatformApp, routeSchema } from '../http/route-schema';
import { WidgetKeyParams } from '../http/visitor-input';
import { activeWidget, allowWidgetOrigin, readableRefusals } from './widget-origin';

/** How many days of production calendar the public config carries for the browser's engine. */
export const CALENDAR_DAYS = 60;

/**
 * How long a browser (or a cache between) may reuse an answer of the presence endpoint, in
 * seconds: long enough that a flood of page views costs a lookup per visitor at most every few
 * seconds, short enough that the widget follows an operator coming or going.
 */
export const PRESENCE_MAX_AGE = 10;

/**
 * The account's tag in the public config: a hash of its id, so widgets of one account share the
 * visitor's token without the page learning the id.
 */
export function accountTag(accountId: string): string {
  return createHash('sha256').update(accountId).digest('base64url').slice(0, 22);
}

const SlotsQuery = v.object({
  days: v.optional(
    v.pipe(v.string(), v.regex(/^[1-7]$/, 'days must be 1 to 7.'), v.transform(Number)),
    '3',
  ),
});

/** `:key` of a preflight as the router gives it: activeWidget refuses a key no widget has. */
const PreflightParams = v.object({ key: v.string() });

/** The endpoints a widget calls from a visitor's browser. */
export function registerPublicWidgets(app: PlatformApp, ctx: AppContext): void {
  app.options(
    '/v1/widgets/:key/*',
    { schema: { hide: true, params: routeSchema(PreflightParams) } },
    async (request, reply) => {
      const { key } = request.params;
      allowWidgetOrigin(ctx, request, reply, await activeWidget(ctx, key));
      reply.header('access-control-allow-methods', 'GET, POST');
      reply.header('access-control-allow-headers', 'content-type, idempotency-key');
      reply.header('access-control-max-age', '600');
      return reply.code(204).send();
    },
  );

  app.get(
    '/v1/widgets/:key/config',
    {
      schema: { tags: ['public'], params: routeSchema(WidgetKeyParams) },
      onSend: readableRefusals,
      // A page view's biggest answer (texts, schedule, 60 calendar days): brotli or gzip as
      // the browser accepts (as the bundles), with `Vary: Accept-Encoding`.
      compress: { encodings: ['br', 'gzip'] },
    },
    async (request, reply) => {
      const { key } = request.params;
      const widget = await activeWidget(ctx, key);
      allowWidgetOrigin(ctx, request, reply, widget);
      const now = ctx.clock();
      const today = dateIn(widget.settings.schedule.timeZone, now);
      // The config changes with the widget and with the calendar window, once a day.
      const etag = `W/"${widget.id.slice(0, 8)}-${widget.version}-${today}"`;
      reply.header('etag', etag);
      reply.header('cache-control', 'public, max-age=60');
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      const calendar = calendarDays(widget.settings.schedule.country ?? 'ru', today, CALENDAR_DAYS);
      return toPublicConfig(widget, calendar, {
        now,
        accountTag: accountTag(widget.accountId),
        messengerLinkBase: ctx.env.messengerLinkBase,
      });
    },
  );

  // Apart from the config, which stays cached and revalidated by its ETag: presence changes
  // whenever a console connects or leaves, and only this small answer follows it.
  app.get(
    '/v1/widgets/:key/presence',
    { schema: { tags: ['public'], params: routeSchema(WidgetKeyParams) } },
    async (request, reply) => {
      const { key } = request.params;
      const widget = await activeWidget(ctx, key);
      allowWidgetOrigin(ctx, request, reply, widget);
      reply.header('cache-control', `public, max-age=${PRESENCE_MAX_AGE}`);
      return ctx.presence(widget);
    },
  );

  app.get(
    '/v1/widgets/:key/slots',
    {
      schema: {
        tags: ['public'],
        params: routeSchema(WidgetKeyParams),
        querystring: routeSchema(SlotsQuery),
      },
      onSend: readableRefusals,
    },
    async (request, reply) => {
      const { key } = request.params;
      const { days } = request.query;
      const widget = await activeWidget(ctx, key);
      allowWidgetOrigin(ctx, request, reply, widget);
      reply.header('cache-control', 'no-store');
      const schedule = createSchedule(widget.settings.schedule);
      const slots = callbackSlots(schedule, ctx.clock(), { days });
      return {
        timeZone: schedule.timeZone,
        slots: slots.map((slot) => ({
          start: slot.start.toISOString(),
          end: slot.end.toISOString(),
        })),
      };
    },
  );
}
