/**
 * Ports for the network: one block, 4 ports a slot (the carrier, then each phone), since a phone
 * binds its SIP port for UDP and TCP, the next one for TLS, and its control port after that.
 */
import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';

/** Ports per slot of the block. */
export const SLOT_SIZE = 4;

function tcpFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

function udpFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    socket.once('error', () => {
      socket.close();
      resolve(false);
    });
    socket.bind(port, host, () => socket.close(() => resolve(true)));
  });
}

/** Whether `count` ports from `base` are free on `host`, for TCP and UDP alike. */
export async function blockFree(host: string, base: number, count: number): Promise<boolean> {
  if (base < 1024 || base + count > 65_536) return false;
  for (let port = base; port < base + count; port++) {
    if (!(await tcpFree(host, port)) || !(await udpFree(host, port))) return false;
  }
  return true;
}

/**
 * The first port of `count` consecutive ports free on `host` now (the caller binds them right
 * away). Tried at random below the usual ephemeral range, where outgoing connections take none.
 * @throws {Error} when 50 tries found none.
 */
export async function freePortBlock(host: string, count: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + SLOT_SIZE * Math.floor(Math.random() * ((12_000 - count) / SLOT_SIZE));
    if (await blockFree(host, base, count)) return base;
  }
  throw new Error(`no ${count} consecutive free ports on ${host}`);
}
