import type { OnlineUser } from '@frontdesk/config';
import type { Namespace, Server } from 'socket.io';
import type { OpsUser } from '../accounts';
import { ANSWERING_ROLES } from '../accounts';

/**
 * How long a presence lookup waits for the other processes. A process that just died is still
 * counted by the Redis adapter until its heartbeat times out, and would hold every lookup for the
 * adapter's default 5 s: after this, the lookup settles for this process's own sockets.
 */
export const PRESENCE_TIMEOUT_MS = 1_000;

/** Servers of platforms that are closing (see {@link closingPresence}). */
const closing = new WeakSet<Server>();
/** Lookups that may still be asking the other processes, per server. */
const asking = new WeakMap<Server, Set<Promise<unknown>>>();

/**
 * Makes presence lookups of a closing platform look at its own sockets only, and waits (at most
 * {@link PRESENCE_TIMEOUT_MS}) for those still asking the other processes: the adapter leaves a
 * request that fails with the Redis connection unhandled, which would end the process, so Redis
 * may be closed only after this.
 */
export async function closingPresence(io: Server): Promise<void> {
  closing.add(io);
  await Promise.allSettled(asking.get(io) ?? []);
}

/** The sockets in `rooms` on every process, or on this one when the others do not answer in time. */
export async function socketsIn(
  namespace: Namespace,
  rooms: string | string[],
): ReturnType<Namespace['fetchSockets']> {
  const { server } = namespace;
  if (closing.has(server)) return namespace.in(rooms).local.fetchSockets();
  const lookup = namespace.in(rooms).timeout(PRESENCE_TIMEOUT_MS).fetchSockets();
  const pending = asking.get(server) ?? new Set();
  asking.set(server, pending);
  pending.add(lookup);
  try {
    return await lookup;
  } catch {
    return namespace.in(rooms).local.fetchSockets();
  } finally {
    pending.delete(lookup);
  }
}

/**
 * The people who answer (operators and admins) with a console connected to the `/ops` room
 * `room` (see chat/rooms.ts receiverRoom), on any platform process: their user ids.
 */
export async function answerersIn(ops: Namespace, room: string): Promise<Set<string>> {
  const sockets = await socketsIn(ops, room);
  const online = new Set<string>();
  for (const socket of sockets) {
    const user = socket.data.user as OpsUser | undefined;
    if (user && ANSWERING_ROLES.includes(user.role)) online.add(user.id);
  }
  return online;
}

/**
 * Tells every `/ops` socket of an account who of its staff is online (`presence`), counting the
 * sockets of every platform process (the adapter's fetchSockets), each person once.
 */
export async function announcePresence(ops: Namespace, accountId: string): Promise<void> {
  const room = `account:${accountId}`;
  const sockets = await socketsIn(ops, room);
  const online = new Map<string, OnlineUser>();
  for (const socket of sockets) {
    const user = socket.data.user as OnlineUser | undefined;
    if (user && !online.has(user.id))
      online.set(user.id, { id: user.id, name: user.name, role: user.role });
  }
  ops.to(room).emit(
    'presence',
    [...online.values()].sort((a, b) => a.name.localeCompare(b.name)),
  );
}
