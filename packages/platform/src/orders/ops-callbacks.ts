/**
 * The callback orders side of `/ops`: what an operator's console may ask and do, each with an
 * acknowledgement (`{ ok: true, … }` or `{ ok: false, error: { code, message } }`). The events
 * and codes are listed in OPS-EVENTS.md.
 */
import type { ChatAck } from '@frontdesk/config';
import type { Socket } from 'socket.io';
import * as v from 'valibot';
import type { User } from '../accounts/account-records';
import type { AppContext } from '../context';
import { opsOrder } from './ops-order';
import { mayAccept } from './order-access';
import type { OrderFeed } from './order-feed';
import type { Order, OrderTransition } from './order-records';

/** The most open orders `callback:list` answers with. */
export const OPEN_ORDERS_LIMIT = 200;

const Id = v.pipe(v.string('Give the order id.'), v.maxLength(64));
const IdPayload = v.object({ id: Id });
const ClosePayload = v.object({
  id: Id,
  note: v.optional(v.nullable(v.pipe(v.string(), v.trim(), v.maxLength(2000)))),
});

/** Why an action was refused, with a stable code. */
class Refusal extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Serves one signed-in socket of `/ops`: `callback:list`, `callback:accept`, `callback:done` and
 * `callback:fail`; and rings it at once with the orders that are ringing for its user now.
 */
export function registerOpsCallbacks(socket: Socket, ctx: AppContext, feed: OrderFeed): void {
  const user = socket.data.user as User;
  const by = { id: user.id, name: user.name };
  const now = () => ctx.clock().getTime();

  /** The order of the user's account. @throws {Refusal} otherwise. */
  const ownOrder = async (id: string): Promise<Order> => {
    const order = await ctx.store.orders.get(id);
    if (!order || order.accountId !== user.accountId) {
      throw new Refusal('not_found', `No order ${id} in your account.`);
    }
    return order;
  };

  answer(socket, 'callback:list', v.optional(v.object({})), async () => {
    const orders = await ctx.store.orders.open(user.accountId, OPEN_ORDERS_LIMIT);
    return { orders: orders.map((order) => opsOrder(order, now())) };
  });

  answer(socket, 'callback:accept', IdPayload, async ({ id }) => {
    const order = await ownOrder(id);
    if (!(await mayAccept(ctx.store, user, order))) {
      throw new Refusal('not_addressed', 'This order does not ring you.');
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
    answer(socket, event, ClosePayload, async ({ id, note }) => {
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
          throw new Refusal('not_yours', `${current.operator?.name} accepted this order.`);
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
async function ringNow(ctx: AppContext, user: User, feed: OrderFeed, socket: Socket) {
  for (const order of await ctx.store.orders.open(user.accountId, OPEN_ORDERS_LIMIT)) {
    if (order.status === 'ringing' && (await mayAccept(ctx.store, user, order))) {
      feed.ringing(order, socket);
    }
  }
}

/** The refusal for an order that is no longer (or not yet) in state `expected`. */
function notNow(order: Order, expected: Order['status']): Refusal {
  if (expected !== 'accepted' && order.operator) {
    return new Refusal('already_taken', `${order.operator.name} already took this order.`);
  }
  return new Refusal('wrong_state', `The order is ${order.status}, not ${expected}.`);
}

/** Handles `event` with an acknowledgement; a payload that fails `schema` is refused as `invalid`. */
function answer<S extends v.GenericSchema>(
  socket: Socket,
  event: string,
  schema: S,
  act: (input: v.InferOutput<S>) => Promise<Record<string, unknown>>,
): void {
  socket.on(event, async (...args: unknown[]) => {
    const ack = args.at(-1);
    if (typeof ack !== 'function') return;
    const reply = ack as (answer: ChatAck<Record<string, unknown>>) => void;
    const parsed = v.safeParse(schema, args.length > 1 ? args[0] : undefined);
    if (!parsed.success) {
      const message = parsed.issues[0]?.message ?? 'Invalid payload.';
      return reply({ ok: false, error: { code: 'invalid', message } });
    }
    try {
      reply({ ok: true, ...(await act(parsed.output)) });
    } catch (error) {
      if (error instanceof Refusal) {
        return reply({ ok: false, error: { code: error.code, message: error.message } });
      }
      console.error(`/ops ${event} failed:`, error);
      reply({
        ok: false,
        error: { code: 'internal', message: 'Something went wrong on our side.' },
      });
    }
  });
}
