/** The console's `/ops` connection: WebSocket only, authenticated by the session cookie. */
import type { ChatAck } from '@frontdesk/config';
import { io, type Socket } from 'socket.io-client';

/** Opens `/ops` on the console's own origin. */
export function connectOps(): Socket {
  return io('/ops', { transports: ['websocket'] });
}

/** Sends `event` and resolves with its acknowledgement; rejects with the platform's message. */
export async function ask<T extends object>(
  socket: Socket,
  event: string,
  payload?: unknown,
): Promise<T> {
  const answer = (await socket.timeout(10_000).emitWithAck(event, payload ?? {})) as ChatAck<T>;
  if (!answer.ok) throw new Error(answer.error.message);
  return answer;
}
