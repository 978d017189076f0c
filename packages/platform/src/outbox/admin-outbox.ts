import type { ListPage, OutboxMessage } from '@frontdesk/config';
import * as v from 'valibot';
import { requireUser } from '../accounts';
import type { AppContext } from '../context';
import { pageAnswer, pageQuery, readCursor } from '../http/pagination';
import { type PlatformApp, routeSchema } from '../http/route-schema';

const OutboxQuery = v.object({
  status: v.optional(v.picklist(['pending', 'sending', 'sent', 'failed'])),
  /** An order's id: its notifications only. */
  order: v.optional(v.pipe(v.string(), v.maxLength(64))),
  ...pageQuery,
});

/**
 * The account's outbox, newest first: every e-mail and SMS with what it is about (`kind`) and
 * where its delivery stands (attempts, next attempt, last error, when sent, when given up:
 * `status=failed` lists the lost ones, each of which its admins were e-mailed about). Every role
 * reads it: operators see whether staff were told of a manual-mode order.
 */
export function registerAdminOutbox(app: PlatformApp, ctx: AppContext): void {
  app.get(
    '/v1/admin/outbox',
    { schema: { tags: ['admin'], querystring: routeSchema(OutboxQuery) } },
    async (request): Promise<ListPage<OutboxMessage>> => {
      const { user } = await requireUser(ctx, request);
      const query = request.query;
      const cursor = readCursor(query.cursor);
      const page = await ctx.store.outbox.list({
        accountId: user.accountId,
        limit: query.limit,
        ...(query.status !== undefined ? { status: query.status } : {}),
        ...(query.order !== undefined ? { orderId: query.order } : {}),
        ...(cursor ? { cursor } : {}),
      });
      return pageAnswer(page);
    },
  );
}
