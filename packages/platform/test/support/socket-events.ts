/** What a test socket.io client received, and waiting for what it will receive. */
import type { Socket } from 'socket.io-client';
import { ARRIVAL_MS } from './arrival';

/** A socket with every event it received so far. */
export interface WatchedSocket {
  socket: Socket;
  /** Events received, in order, as [name, payload]. */
  received: [string, unknown][];
  /**
   * The next `event` whose payload passes `where` (or such an event received already and not
   * yet taken), within {@link ARRIVAL_MS}.
   */
  next<T = unknown>(event: string, where?: (payload: T) => boolean): Promise<T>;
  /** Emits `event` with `payload` and resolves to the acknowledgement. */
  ask<T = unknown>(event: string, payload?: unknown): Promise<T>;
}

/** Starts recording the events of `socket` (call before it connects, so none is missed). */
export function watch(socket: Socket): WatchedSocket {
  const received: [string, unknown][] = [];
  const taken = new Set<number>();
  const waiting: {
    event: string;
    where: (payload: unknown) => boolean;
    resolve: (payload: unknown) => void;
  }[] = [];
  socket.onAny((event: string, payload: unknown) => {
    received.push([event, payload]);
    const index = waiting.findIndex((w) => w.event === event && w.where(payload));
    const waiter = waiting[index];
    if (waiter) {
      waiting.splice(index, 1);
      taken.add(received.length - 1);
      waiter.resolve(payload);
    }
  });
  return {
    socket,
    received,
    next<T>(event: string, where: (payload: T) => boolean = () => true) {
      const passes = where as (payload: unknown) => boolean;
      const index = received.findIndex(
        ([name, payload], i) => name === event && !taken.has(i) && passes(payload),
      );
      if (index >= 0) {
        taken.add(index);
        return Promise.resolve(received[index]?.[1] as T);
      }
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no ${event} within ${ARRIVAL_MS} ms`)),
          ARRIVAL_MS,
        );
        waiting.push({
          event,
          where: passes,
          resolve: (payload) => {
            clearTimeout(timer);
            resolve(payload as T);
          },
        });
      });
    },
    ask(event, payload) {
      const args = payload === undefined ? [] : [payload];
      return socket.timeout(ARRIVAL_MS).emitWithAck(event, ...args);
    },
  };
}
