/**
 * The console's missed enquiries over `/ops` (OPS-EVENTS.md): `missed:list` answers what is missed
 * now — chats the operator may see whose enquiry waited unanswered too long, site calls that rang
 * out, callback orders past their time — and `missed:handle` marks a call handled. Chats and
 * orders leave the list by what handles them (a reply or closing; accepting or closing).
 */
import type { MissedCall, MissedList } from '@frontdesk/config';
import type { Namespace, Socket } from 'socket.io';
import * as v from 'valibot';
import type { OpsUser } from '../accounts';
import type { AppContext } from '../context';
import { opsOrder } from '../orders';
import { conversationViewer } from './access';
import { ChatRefusal, onChat } from './ack';
import { visitorsOnline } from './chat-presence';
import { conversationSummary } from './wire';

/** The room told `missed:changed` when an account's missed list changed. */
export const missedRoom = (accountId: string) => `account:${accountId}`;

/** Serves `missed:list` and `missed:handle` on one signed-in `/ops` socket. */
export function registerOpsMissed(socket: Socket, ctx: AppContext, chat: Namespace): void {
  const user = socket.data.user as OpsUser;
  const ops = socket.nsp;

  onChat(socket, 'missed:list', v.optional(v.object({})), async (): Promise<MissedList> => {
    const now = ctx.clock().getTime();
    const found = await ctx.store.missed.list(user.accountId, {
      now,
      afterMs: ctx.env.missedAfterMs,
      viewer: await conversationViewer(ctx.store, user),
    });
    const { chats } = found;
    const online = await visitorsOnline(
      chat,
      chats.map((c) => c.visitorId),
    );
    return {
      chats: chats.map((c) => conversationSummary(c, online.has(c.visitorId))),
      calls: found.calls.map((call) => ({
        id: call.id,
        widgetName: call.widgetName,
        // The store lists only calls that rang out (RANG_OUT).
        status: call.status as MissedCall['status'],
        page: call.page,
        startedAt: call.startedAt,
        endedAt: call.endedAt,
      })),
      orders: found.orders.map((order) => opsOrder(order, now)),
    };
  });

  onChat(
    socket,
    'missed:handle',
    v.object({ id: v.pipe(v.string(), v.maxLength(64)) }),
    async ({ id }) => {
      const handled = await ctx.store.missed.handleCall(user.accountId, id, {
        byName: user.name,
        now: ctx.clock().getTime(),
      });
      if (!handled) throw new ChatRefusal('not_found', `No missed call ${id} to handle.`, 'id');
      ops.to(missedRoom(user.accountId)).emit('missed:changed', {});
      return {};
    },
  );
}
