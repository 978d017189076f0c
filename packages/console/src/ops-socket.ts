/** The console's `/ops` connection: WebSocket only, authenticated by the session cookie. */
import { io, type Socket } from 'socket.io-client';

/** The answer of every acknowledged `/ops` event (see packages/platform/OPS-EVENTS.md). */
type Answer<T> = ({ ok: true } & T) | { ok: false; error: { code: string; message: string } };

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
  const answer = (await socket.timeout(10_000).emitWithAck(event, payload ?? {})) as Answer<T>;
  if (!answer.ok) throw new Error(answer.error.message);
  return answer;
}
