import { Readable } from 'node:stream';
import {
  CALL_CHANNELS,
  CALL_RESULTS,
  type CallHistoryEntry,
  type ListPage,
} from '@frontdesk/config';
import * as v from 'valibot';
import { requireUser } from '../accounts';
import type { AppContext } from '../context';
import { instantQuery, pageAnswer, pageQuery, readCursor } from '../http/pagination';
import { type PlatformApp, routeSchema } from '../http/route-schema';
import { callHistoryCsv } from './call-history-csv';
import type { CallHistoryQuery } from './call-records';

const id = v.pipe(v.string(), v.maxLength(64));

/** The filters both the list and its CSV take. */
const FilterQuery = {
  /** A widget's id. */
  widget: v.optional(id),
  /** An order's or a call's own status. */
  status: v.optional(v.pipe(v.string(), v.maxLength(32))),
  line: v.optional(v.pipe(v.string(), v.maxLength(200))),
  /** A user's id. */
  operator: v.optional(id),
  result: v.optional(v.picklist(CALL_RESULTS, `result must be one of ${CALL_RESULTS.join(', ')}.`)),
  channel: v.optional(
    v.picklist(CALL_CHANNELS, `channel must be one of ${CALL_CHANNELS.join(', ')}.`),
  ),
  /** Inclusive. */
  from: v.optional(instantQuery),
  /** Exclusive. */
  to: v.optional(instantQuery),
};

const HistoryQuery = v.object({ ...FilterQuery, ...pageQuery });
const CsvQuery = v.object(FilterQuery);

/** How many entries the CSV reads at a time. */
const CSV_PAGE = 200;

/** The store's query of the request's filters. */
function historyQuery(accountId: string, query: v.InferOutput<typeof CsvQuery>): CallHistoryQuery {
  const named = {
    widgetId: query.widget,
    status: query.status,
    line: query.line,
    operatorId: query.operator,
    result: query.result,
    channel: query.channel,
    from: query.from,
    to: query.to,
  };
  return {
    accountId,
    ...Object.fromEntries(Object.entries(named).filter(([, value]) => value !== undefined)),
  };
}

/**
 * The call history: callback orders and calls from the site in one newest-first list, each with
 * the widget's name as the caller (a call) or the dialled number (an order), and the same list
 * as a CSV file. Every role of the account reads them.
 */
export function registerAdminCallHistory(app: PlatformApp, ctx: AppContext): void {
  app.get(
    '/v1/admin/call-history',
    { schema: { tags: ['admin'], querystring: routeSchema(HistoryQuery) } },
    async (request): Promise<ListPage<CallHistoryEntry>> => {
      const { user } = await requireUser(ctx, request);
      const { limit, cursor: text, ...filters } = request.query;
      const cursor = readCursor(text);
      const page = await ctx.store.callHistory.list({
        ...historyQuery(user.accountId, filters),
        limit,
        ...(cursor ? { cursor } : {}),
      });
      return pageAnswer(page);
    },
  );

  app.get(
    '/v1/admin/call-history.csv',
    { schema: { tags: ['admin'], querystring: routeSchema(CsvQuery) } },
    async (request, reply) => {
      const { user } = await requireUser(ctx, request);
      const query = historyQuery(user.accountId, request.query);
      const widgets = await ctx.store.widgets.list(user.accountId);
      const zones = new Map(widgets.map((w) => [w.id, w.settings.schedule.timeZone]));
      const chunks = callHistoryCsv(
        (cursor) =>
          ctx.store.callHistory.list({ ...query, limit: CSV_PAGE, ...(cursor ? { cursor } : {}) }),
        (widgetId) => zones.get(widgetId),
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="call-history.csv"')
        .header('cache-control', 'no-store')
        .send(Readable.from(chunks));
    },
  );
}
