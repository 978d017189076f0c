/**
 * The real connection, its own chunk: socket.io-client loads only when the session starts (the
 * visitor starts writing, or came back with a conversation; see deferred-socket.ts), never
 * with the launcher or the window.
 */
import { io } from 'socket.io-client';
import type { ConnectChat } from './chat-socket';

/** Connects to the `/chat` namespace of the platform whose `/v1/` URL is `api`, over WebSocket only. */
export function socketIo(api: string): ConnectChat {
  return (auth) => {
    const socket = io(`${new URL(api, location.href).origin}/chat`, {
      transports: ['websocket'],
      auth: (send) => send(auth()),
    });
    return {
      get connected() {
        return socket.connected;
      },
      // socket.io leaves a socket alone after a refusal from the namespace's middleware.
      get active() {
        return socket.active;
      },
      on: (event, listener) => void socket.on(event, listener),
      emit: (event, payload, ack) =>
        void (ack ? socket.emit(event, payload, ack) : socket.emit(event, payload)),
      connect: () => void socket.connect(),
      disconnect: () => void socket.disconnect(),
    };
  };
}
