import type { Socket } from 'socket.io';

/**
 * The address a `/chat` socket counts against in the per-address limits: the peer of its
 * handshake. Behind a proxy every visitor would share the proxy's address; this one function is
 * where the real client's address (from trusted proxies' headers) takes its place.
 */
export function chatClientAddress(socket: Socket): string {
  return socket.handshake.address;
}
