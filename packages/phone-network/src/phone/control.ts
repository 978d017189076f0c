/**
 * A client of baresip's `ctrl_tcp`: JSON in netstrings over TCP. Commands are the `menu`
 * module's (`dial`, `accept`, `hangup`…) as `{command, params, token}`; baresip answers each with
 * `{response: true, ok, data, token}` and pushes `{event: true, type, …}` for everything a call
 * does.
 */
import { connect, type Socket } from 'node:net';
import { encodeNetstring, NetstringReader } from './netstring';

/** An event as baresip sends it. */
export type RawPhoneEvent = Record<string, unknown> & { type: string };

/** A connection to one phone's control port. */
export interface PhoneControl {
  /** Runs a command; resolves with its output, rejects when baresip says it failed. */
  command(command: string, params?: string): Promise<string>;
  close(): void;
}

/** Connects to `host:port`; every event goes to `onEvent`. */
export function connectControl(
  host: string,
  port: number,
  onEvent: (event: RawPhoneEvent) => void,
): Promise<PhoneControl> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect({ host, port });
    const reader = new NetstringReader();
    const waiting = new Map<string, { resolve(data: string): void; reject(error: Error): void }>();
    let nextToken = 1;
    let failure: Error | undefined;

    const failAll = (error: Error) => {
      failure ??= error;
      for (const pending of waiting.values()) pending.reject(error);
      waiting.clear();
    };

    socket.on('data', (chunk: Buffer) => {
      let messages: string[];
      try {
        messages = reader.push(chunk);
      } catch (error) {
        failAll(error as Error);
        socket.destroy();
        return;
      }
      for (const text of messages) {
        const message = JSON.parse(text) as Record<string, unknown>;
        if (message.event === true && typeof message.type === 'string') {
          onEvent(message as RawPhoneEvent);
        } else if (message.response === true && typeof message.token === 'string') {
          const pending = waiting.get(message.token);
          waiting.delete(message.token);
          const data = typeof message.data === 'string' ? message.data : '';
          if (message.ok === true) pending?.resolve(data);
          else pending?.reject(new Error(`baresip refused: ${data.trim() || 'no reason given'}`));
        }
      }
    });
    socket.once('error', (error) => {
      failAll(error);
      reject(error);
    });
    socket.once('close', () => failAll(new Error('the control connection closed')));
    socket.once('connect', () =>
      resolve({
        command(command, params) {
          if (failure) return Promise.reject(failure);
          const token = String(nextToken++);
          return new Promise((resolveCommand, rejectCommand) => {
            waiting.set(token, { resolve: resolveCommand, reject: rejectCommand });
            socket.write(encodeNetstring(JSON.stringify({ command, params, token })));
          });
        },
        close: () => socket.destroy(),
      }),
    );
  });
}
