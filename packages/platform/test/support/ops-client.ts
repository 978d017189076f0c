/** socket.io clients of `/ops`, signed in as a user of a test platform. */
import type { Role, User } from '@frontdesk/platform';
import { io } from 'socket.io-client';
import type { TestPlatform } from './platform';
import { type WatchedSocket, watch } from './socket-events';

/** An `/ops` socket, connected, with every event it received so far. */
export type OpsClient = WatchedSocket;

/** Connects to `/ops` as `who` (WebSocket only, like the console) once `hello` arrives. */
export async function connectOps(t: TestPlatform, who: Role | User): Promise<OpsClient> {
  const { cookie } = await t.session(who);
  const socket = io(`${t.url}/ops`, {
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
