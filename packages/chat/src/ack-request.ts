/**
 * Requests over the chat's socket that wait for their acknowledgement (`ChatAck`): an error
 * answer rejects with the platform's code and field, and no answer — the connection lost, or
 * silence for longer than the timeout — with a `network` error.
 */
import type { ChatAck } from '@frontdesk/config';
import { PlatformError } from '@frontdesk/core';
import type { ChatSocket } from './chat-socket';

/** The requests of one session. */
export interface AckRequests {
  /** Sends `event` and waits for its `ChatAck`. */
  request<T>(event: string, payload: unknown): Promise<T>;
  /** The connection is lost: every request still waiting fails at once. */
  failAll(): void;
}

/** Requests over `socket()` (the current one), each waiting `timeout` ms at the most. */
export function ackRequests(socket: () => ChatSocket | undefined, timeout: number): AckRequests {
  /** Requests waiting for their answer. */
  const waiting = new Set<(error: PlatformError) => void>();
  const lost = () => new PlatformError(0, 'network', 'No answer from the platform.');
  return {
    request: <T>(event: string, payload: unknown) =>
      new Promise<T>((resolve, reject) => {
        const current = socket();
        if (!current?.connected) return reject(lost());
        const fail = (error: PlatformError) => {
          clearTimeout(timer);
          waiting.delete(fail);
          reject(error);
        };
        const timer = setTimeout(() => fail(lost()), timeout);
        waiting.add(fail);
        current.emit(event, payload, (answer) => {
          clearTimeout(timer);
          waiting.delete(fail);
          const ack = answer as ChatAck<T> | undefined;
          if (ack?.ok) resolve(ack);
          else {
            const error = ack?.error;
            reject(
              new PlatformError(400, error?.code ?? 'unknown', error?.message ?? '', error?.field),
            );
          }
        });
      }),
    failAll() {
      for (const fail of [...waiting]) fail(lost());
    },
  };
}
