/**
 * The little of a socket.io socket the chat session uses: the session is written (and tested)
 * against this, with socket.io-client behind it in the browser (socket-io.ts) and a plain
 * in-memory implementation in the tests and the Studio's preview.
 */
import type { ChatAuth } from '@frontdesk/config';

/** A connection to the platform's `/chat` namespace. */
export interface ChatSocket {
  readonly connected: boolean;
  /** It will reconnect by itself; false after the platform refused its handshake. */
  readonly active: boolean;
  // biome-ignore lint/suspicious/noExplicitAny: payloads are typed where each event is handled
  on(event: string, listener: (...args: any[]) => void): void;
  /** Sends `event`; `ack` receives the platform's answer (a `ChatAck`). */
  emit(event: string, payload: unknown, ack?: (answer: unknown) => void): void;
  /** Connects now (again), e.g. when the browser is back online. */
  connect(): void;
  disconnect(): void;
}

/** Opens a socket whose handshake sends `auth()`, asked again on every reconnect. */
export type ConnectChat = (auth: () => ChatAuth) => ChatSocket;
