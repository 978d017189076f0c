import type { Server as HttpServer } from 'node:http';
import { fastifyCookie } from '@fastify/cookie';
import { Server, type ServerOptions } from 'socket.io';
import {
  ANSWERING_ROLES,
  groupRoom,
  keepSessionExpiry,
  type OpsUser,
  SESSION_COOKIE,
  sessionExpired,
  sessionOf,
  sessionRoom,
  userRoom,
} from '../accounts';
import {
  announceOperators,
  answerersRoom,
  chatFeed,
  registerChat,
  registerOpsChat,
  registerOpsMissed,
} from '../chat';
import type { AppContext } from '../context';
import { clientAddress, trustRule } from '../http/client-address';
import { orderFeed, registerOpsCallbacks } from '../orders';
import { announcePresence } from './presence-lookup';

/** Largest socket.io message: chat texts are small, so a flood cannot buffer much. */
export const MAX_MESSAGE_BYTES = 64 * 1024;

/**
 * socket.io on the platform's HTTP server, WebSocket transport only (no sticky sessions needed
 * behind a load balancer); with Redis, events reach the sockets of every platform process through
 * the Redis Streams adapter. `/ops` is for staff: the same session cookie as the Studio and the
 * console; each socket joins its account, its user and its groups (operators and admins also the
 * account's answerers: chats routed to nobody), for the events later screens send.
 * Callback orders ring, and are taken and closed, over it (OPS-EVENTS.md). Visitors chat on
 * `/chat`, operators answer with the `chat:*` events of `/ops` (CHAT.md).
 */
export function createRealtime(
  server: HttpServer,
  ctx: AppContext,
  adapter?: ServerOptions['adapter'],
): Server {
  const io = new Server(server, {
    ...(adapter ? { adapter } : {}),
    transports: ['websocket'],
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    serveClient: false,
  });
  const trust = trustRule(ctx.env.trustProxy);
  const ops = io.of('/ops');
  const chatNamespace = io.of('/chat');
  for (const namespace of [ops, chatNamespace]) {
    // First of each namespace's middlewares: the later ones (chat limits) see the real address.
    namespace.use((socket, next) => {
      socket.handshake.address = clientAddress(
        socket.handshake.address,
        socket.handshake.headers,
        trust,
      );
      next();
    });
  }
  ops.use(async (socket, next) => {
    try {
      const { headers } = socket.handshake;
      const origin = headers.origin;
      if (origin !== undefined && origin !== ctx.env.publicUrl)
        return next(new Error('origin_not_allowed'));
      const token = fastifyCookie.parse(headers.cookie ?? '')[SESSION_COOKIE];
      // Read once, here: the session cookie must not travel with the handshake.
      delete headers.cookie;
      const signedIn = await sessionOf(ctx, token);
      if (!signedIn) return next(new Error('unauthenticated'));
      const { id, accountId, name, role, photoUrl } = signedIn.user;
      socket.data.user = { id, accountId, name, role, photoUrl } satisfies OpsUser;
      keepSessionExpiry(socket, signedIn.session.expiresAt);
      const groups = await ctx.store.groups.list(accountId);
      await socket.join([
        `account:${accountId}`,
        // Chats routed to nobody go to those who answer: the account's marketers never see them.
        ...(ANSWERING_ROLES.includes(role) ? [answerersRoom(accountId)] : []),
        sessionRoom(signedIn.session.id),
        userRoom(id),
        ...groups.filter((g) => g.memberIds.includes(id)).map((g) => groupRoom(g.id)),
      ]);
      next();
    } catch (error) {
      next(error instanceof Error ? error : new Error(String(error)));
    }
  });
  const feed = orderFeed(ops, ctx.clock);
  const chat = chatFeed(io, ctx);
  registerChat(io, ctx, chat);
  ops.on('connection', (socket) => {
    const user = socket.data.user as OpsUser;
    socket.use((_event, next) => {
      if (!sessionExpired(socket, ctx.clock().getTime())) return next();
      socket.disconnect(true);
    });
    socket.emit('hello', { user: { id: user.id, name: user.name, role: user.role } });
    registerOpsCallbacks(socket, ctx, feed);
    registerOpsChat(socket, ctx, io.of('/chat'), chat);
    registerOpsMissed(socket, ctx, io.of('/chat'));
    // A member who comes online may take what waits in their groups' queues.
    void ctx.store.groups.list(user.accountId).then(
      (groups) =>
        ctx.distribute(groups.filter((g) => g.memberIds.includes(user.id)).map((g) => g.id)),
      (error: unknown) => console.error('Could not list the groups of a new console:', error),
    );
    const presence = () =>
      Promise.all([
        announcePresence(ops, user.accountId),
        announceOperators(io.of('/chat'), ops, ctx, user.accountId),
      ]).catch((error: unknown) => {
        console.error('Could not announce who is online:', error);
      });
    void presence();
    socket.on('disconnect', presence);
  });
  return io;
}
