/**
 * `/ops` sockets live no longer than the session and the rights they were opened with: logout,
 * a password or role change, user deletion and session expiry cut them; group changes move them
 * between group rooms. Every `/ops` socket is in the rooms of its session, its user and its
 * groups (realtime/realtime.ts); the calls go through the adapter, so sockets on other processes follow.
 */
import type { Namespace, Socket } from 'socket.io';

/** The `/ops` room of one session's sockets. */
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;

/** The `/ops` room of every socket of one user. */
export const userRoom = (userId: string) => `user:${userId}`;

/** The `/ops` room of a group's members. */
export const groupRoom = (groupId: string) => `group:${groupId}`;

/** What the HTTP side tells the `/ops` sockets when sessions, users or groups change. */
export interface OpsSessions {
  /** Disconnects the sockets of these sessions (logout; sessions a password change ended). */
  ended(sessionIds: readonly string[]): void;
  /** Disconnects every socket of the user: deleted, or with another role than its sockets hold. */
  userChanged(userId: string): void;
  /** The sockets of `added` members join the group's room, those of `removed` leave it. */
  membersChanged(groupId: string, added: readonly string[], removed: readonly string[]): void;
  /** Disconnects this process's sockets whose session expired at or before `now`; how many. */
  endExpired(now: number): number;
}

/** The `/ops` socket's session expiry, kept at the handshake. */
export function keepSessionExpiry(socket: Socket, expiresAt: number): void {
  socket.data.sessionExpiresAt = expiresAt;
}

/** Whether the socket's session expired at or before `now`. */
export function sessionExpired(socket: Socket, now: number): boolean {
  return (socket.data.sessionExpiresAt as number) <= now;
}

/** {@link OpsSessions} over the `/ops` namespace `ops` (looked up at each call). */
export function opsSessions(ops: () => Namespace): OpsSessions {
  return {
    ended(sessionIds) {
      if (sessionIds.length > 0) ops().in(sessionIds.map(sessionRoom)).disconnectSockets(true);
    },
    userChanged(userId) {
      ops().in(userRoom(userId)).disconnectSockets(true);
    },
    membersChanged(groupId, added, removed) {
      if (added.length > 0) ops().in(added.map(userRoom)).socketsJoin(groupRoom(groupId));
      if (removed.length > 0) ops().in(removed.map(userRoom)).socketsLeave(groupRoom(groupId));
    },
    endExpired(now) {
      let ended = 0;
      for (const socket of ops().sockets.values()) {
        if (sessionExpired(socket, now)) {
          socket.disconnect(true);
          ended++;
        }
      }
      return ended;
    },
  };
}
