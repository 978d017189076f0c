/**
 * The callback orders side of `/ops`: what an operator's console may ask and do, each with an
 * acknowledgement (`{ ok: true, … }` or `{ ok: false, error: { code, message, field? } }`), as
 * the chat's events answer (chat/ack.ts). The events and codes are listed in OPS-EVENTS.md.
 */
import { text } from '@frontdesk/config';
import type { Socket } from 'socket.io';
import * as v from 'valibot';
import type { OpsUser } from '../accounts';
import { ChatRefusal, onChat } from '../chat/ack';
import type { AppContext } from '../context';
import { opsOrder } from './ops-order';
import { mayAccept } from './order-access';
import type { OrderFeed } from './order-feed';
import type { Order, OrderTransition } from './order-records';

/** The most open orders `callback:list` answers with. */
export const OPEN_ORDERS_LIMIT = 200;

const Id = v.pipe(v.string('Give the order id.'), text(64));
const IdPayload = v.object({ id: Id });
const ClosePayload = v.object({
  id: Id,
  note: v.optional(v.nullable(v.pipe(text(2000), v.trim()))),
});

/**
 * Serves one signed-in socket of `/ops`: `callback:list`, `callback:accept`, `callback:done` and
 * `callback:fail`; and rings it at once with the orders that are ringing for its user now.
 */
export function registerOpsCallbacks(socket: Socket, ctx: AppContext, feed: OrderFeed): void {
  const user = socket.data.user as OpsUser;
  const by = { id: user.id, name: user.name };
  const now = () => ctx.clock().getTime();

  /** The order of the user's account. @throws {ChatRefusal} otherwise. */
  const ownOrder = async (id: string): Promise<Order> => {
    const order = await ctx.store.orders.get(id);
    if (!order || order.accountId !== user.accountId) {
      throw new ChatRefusal('not_found', `No order ${id} in your account.`);
    }
    return order;
  };

  onChat(socket, 'callback:list', v.optional(v.object({})), async () => {
    const orders = await ctx.store.orders.open(user.accountId, OPEN_ORDERS_LIMIT);
    return { orders: orders.map((order) => opsOrder(order, now())) };
  });

  onChat(socket, 'callback:accept', IdPayload, async ({ id }) => {
    const order = await ownOrder(id);
    if (!(await mayAccept(ctx.store, user, order))) {
      throw new ChatRefusal('not_addressed', 'This order does not ring you.');
    }
    // Manual orders are taken as soon as they come in; automatic ones while they ring, or before
    // (a scheduled one taken early): the due task then rings nobody (ring-due.ts).
    const from = order.mode === 'automatic' ? (['new', 'ringing'] as const) : (['new'] as const);
    const accepted = await ctx.store.orders.transition(id, {
      from,
      to: 'accepted',
      by,
      now: now(),
    });
    if (!accepted) throw notNow(await ownOrder(id), order.mode === 'automatic' ? 'ringing' : 'new');
    feed.taken(accepted);
    feed.updated(accepted);
    return { order: opsOrder(accepted, now()) };
  });

  for (const to of ['done', 'failed'] as const) {
    const event = to === 'done' ? 'callback:done' : 'callback:fail';
    onChat(socket, event, ClosePayload, async ({ id, note }) => {
      await ownOrder(id);
      const change: OrderTransition = {
        from: ['accepted'],
        to,
        by,
        note: note || null,
        now: now(),
        // Whoever accepted an order closes it; an admin may close any.
        ...(user.role === 'admin' ? {} : { acceptedBy: user.id }),
      };
      const closed = await ctx.store.orders.transition(id, change);
      if (!closed) {
        const current = await ownOrder(id);
        if (current.status === 'accepted') {
          throw new ChatRefusal('not_yours', `${current.operator?.name} accepted this order.`);
        }
        throw notNow(current, 'accepted');
      }
      feed.updated(closed);
      return { order: opsOrder(closed, now()) };
    });
  }

  ringNow(ctx, user, feed, socket).catch((error: unknown) => {
    console.error('Could not send the ringing orders to a console that connected:', error);
  });
}

/** The orders ringing for `user` now, rung on `socket` as if it had been there all along. */
async function ringNow(ctx: AppContext, user: OpsUser, feed: OrderFeed, socket: Socket) {
  for (const order of await ctx.store.orders.open(user.accountId, OPEN_ORDERS_LIMIT)) {
    if (order.status === 'ringing' && (await mayAccept(ctx.store, user, order))) {
      feed.ringing(order, socket);
    }
  }
}

/** The refusal for an order that is no longer (or not yet) in state `expected`. */
function notNow(order: Order, expected: Order['status']): ChatRefusal {
  if (expected !== 'accepted' && order.operator) {
    return new ChatRefusal('already_taken', `${order.operator.name} already took this order.`);
  }
  return new ChatRefusal('wrong_state', `The order is ${order.status}, not ${expected}.`);
}
