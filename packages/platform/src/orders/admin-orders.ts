import type { OrderDetail } from '@frontdesk/config';
import { requireUser } from '../accounts';
import type { AppContext } from '../context';
import { ApiError } from '../http/api-error';
import { IdParams, type PlatformApp, routeSchema } from '../http/route-schema';

/** How many notifications one order can have: one per recipient of both lists. */
const MAX_NOTIFICATIONS = 20;

/**
 * One callback order with its story: the states it went through (when, by whom), its due task
 * (automatic mode: when it rang) and its notifications (manual mode: where each stands).
 */
export function registerAdminOrders(app: PlatformApp, ctx: AppContext): void {
  app.get(
    '/v1/admin/orders/:id',
    { schema: { tags: ['admin'], params: routeSchema(IdParams) } },
    async (request): Promise<OrderDetail> => {
      const { user } = await requireUser(ctx, request);
      const { id } = request.params;
      const order = await ctx.store.orders.get(id);
      if (!order || order.accountId !== user.accountId) {
        throw new ApiError(404, 'order_not_found', `No order ${id} in this account.`);
      }
      const [events, task, notifications] = await Promise.all([
        ctx.store.orders.events(id),
        ctx.store.dueTasks.forOrder(id),
        ctx.store.outbox.list({ accountId: user.accountId, orderId: id, limit: MAX_NOTIFICATIONS }),
      ]);
      return { order, events, task: task ?? null, notifications: notifications.items };
    },
  );
}
