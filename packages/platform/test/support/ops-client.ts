/** socket.io clients of `/ops`, signed in as a user of a test platform. */
import type { Role, User } from '@frontdesk/platform';
import { io } from 'socket.io-client';
import { ARRIVAL_MS } from './arrival';
import type { TestPlatform } from './platform';
import { type WatchedSocket, watch } from './socket-events';

/** An `/ops` socket, connected, with every event it received so far. */
export type OpsClient = WatchedSocket;

/** Connects to `/ops` as `who` (WebSocket only, like the console) once `hello` arrives. */
export async function connectOps(t: TestPlatform, who: Role | User): Promise<OpsClient> {
  const { cookie } = await t.session(who);
  return connectOpsWith(t.url, cookie);
}

/** Connects to `/ops` of the platform at `url` with a session `cookie`, once `hello` arrives. */
export async function connectOpsWith(url: string, cookie: string): Promise<OpsClient> {
  const socket = io(`${url}/ops`, {
    transports: ['websocket'],
    extraHeaders: { cookie },
    forceNew: true,
    reconnection: false,
  });
  const client = watch(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect_error', reject);
    client.next('hello').then(() => resolve(), reject);
  });
  return client;
}

/**
 * Resolves to why `client` disconnects next (call before what should cut it); rejects when it
 * stays connected for {@link ARRIVAL_MS}, or is not connected now.
 */
export function disconnected(client: OpsClient): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!client.socket.connected) return reject(new Error('not connected'));
    const timer = setTimeout(
      () => reject(new Error(`still connected after ${ARRIVAL_MS} ms`)),
      ARRIVAL_MS,
    );
    client.socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}
