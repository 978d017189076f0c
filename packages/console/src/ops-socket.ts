/** The console's `/ops` connection: WebSocket only, authenticated by the session cookie. */
import type { ChatAck } from '@frontdesk/config';
import { PlatformError } from '@frontdesk/staff';
import { io, type Socket } from 'socket.io-client';

/** Opens `/ops` on the console's own origin. */
export function connectOps(): Socket {
  return io('/ops', { transports: ['websocket'] });
}

/**
 * Sends `event` and resolves with its acknowledgement; rejects with the platform's refusal as a
 * {@link PlatformError} (status 0: no HTTP), whose code the screens say in the user's language.
 */
export async function ask<T extends object>(
  socket: Socket,
  event: string,
  payload?: unknown,
): Promise<T> {
  const answer = (await socket.timeout(10_000).emitWithAck(event, payload ?? {})) as ChatAck<T>;
  if (!answer.ok) {
    const { code, message, field } = answer.error;
    throw new PlatformError(0, code, message, field);
  }
  return answer;
}
