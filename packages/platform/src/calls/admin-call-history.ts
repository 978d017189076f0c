import type { CallHistoryEntry, ListPage } from '@frontdesk/config';
import * as v from 'valibot';
import { requireUser } from '../accounts';
import type { AppContext } from '../context';
import { instantQuery, pageAnswer, pageQuery, readCursor } from '../http/pagination';
import { type PlatformApp, routeSchema } from '../http/route-schema';

const HistoryQuery = v.object({
  /** A widget's id. */
  widget: v.optional(v.pipe(v.string(), v.maxLength(64))),
  status: v.optional(v.pipe(v.string(), v.maxLength(32))),
  /** Inclusive. */
  from: v.optional(instantQuery),
  /** Exclusive. */
  to: v.optional(instantQuery),
  ...pageQuery,
});

/**
 * The call history: callback orders (and, later, calls from the site) in one newest-first list,
 * each with the widget's name as the dialled number. Every role of the account reads it.
 */
export function registerAdminCallHistory(app: PlatformApp, ctx: AppContext): void {
  app.get(
    '/v1/admin/call-history',
    { schema: { tags: ['admin'], querystring: routeSchema(HistoryQuery) } },
    async (request): Promise<ListPage<CallHistoryEntry>> => {
      const { user } = await requireUser(ctx, request);
      const query = request.query;
      const cursor = readCursor(query.cursor);
      const page = await ctx.store.callHistory.list({
        accountId: user.accountId,
        limit: query.limit,
        ...(query.widget !== undefined ? { widgetId: query.widget } : {}),
        ...(query.status !== undefined ? { status: query.status } : {}),
        ...(query.from !== undefined ? { from: query.from } : {}),
        ...(query.to !== undefined ? { to: query.to } : {}),
        ...(cursor ? { cursor } : {}),
      });
      return pageAnswer(page);
    },
  );
}
