/**
 * A connection whose code is still to come: socket.io-client (about a quarter of the opened
 * chat's bytes) is a chunk of its own, fetched when the session starts — when the visitor starts
 * writing, not when the window opens. The session gets a socket at once and talks to it as to
 * any: listeners are kept and handed on, and it counts as not connected until the real one is.
 */
import type { ChatSocket, ConnectChat } from './chat-socket';

/**
 * `ConnectChat` over the one that `load` brings. A load that fails (the network is gone) is a
 * `connect_error` of a socket that will not try again by itself (`active` false), as a refused
 * handshake is: the session's `connect()` after its pause imports again — which a browser that
 * keeps a failed import's error for the page's life refuses again; the visitor's messages then
 * wait in the outbox (kept in storage once they wrote) for the next page.
 */
export function deferredSocket(load: () => Promise<ConnectChat>): ConnectChat {
  return (auth) => {
    let real: ChatSocket | undefined;
    let loading = false;
    let failed = false;
    let closed = false;
    // biome-ignore lint/suspicious/noExplicitAny: payloads are typed where each event is handled
    const listeners: [string, (...args: any[]) => void][] = [];
    const bring = () => {
      if (loading || closed) return;
      loading = true;
      failed = false;
      load().then(
        (connect) => {
          loading = false;
          if (closed) return;
          real = connect(auth);
          for (const [event, listener] of listeners) real.on(event, listener);
        },
        () => {
          loading = false;
          if (closed) return;
          failed = true;
          const error = new Error('network');
          for (const [event, listener] of listeners) if (event === 'connect_error') listener(error);
        },
      );
    };
    bring();
    return {
      get connected() {
        return real?.connected === true;
      },
      get active() {
        return real ? real.active : !failed && !closed;
      },
      on(event, listener) {
        listeners.push([event, listener]);
        real?.on(event, listener);
      },
      emit: (event, payload, ack) => real?.emit(event, payload, ack),
      connect: () => (real ? real.connect() : bring()),
      disconnect() {
        closed = true;
        real?.disconnect();
      },
    };
  };
}
