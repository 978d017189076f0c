import type { Namespace } from 'socket.io';

/** Someone with a console or Studio connected to `/ops`. */
export interface OnlineUser {
  id: string;
  name: string;
  role: string;
}

/**
 * Tells every `/ops` socket of an account who of its staff is online (`presence`), counting the
 * sockets of every platform process (the adapter's fetchSockets), each person once.
 */
export async function announcePresence(ops: Namespace, accountId: string): Promise<void> {
  const room = `account:${accountId}`;
  const sockets = await ops.in(room).fetchSockets();
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
