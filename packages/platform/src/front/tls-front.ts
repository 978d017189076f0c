/**
 * A TLS front before a platform, as production puts one (nginx, a load balancer) — for `npm
 * start` (front-main.ts) and the tests: https on a loopback port with a certificate of a local
 * CA, every request — WebSocket upgrades too, so the console's socket goes through it — passed
 * on to the platform's http URL with X-Forwarded-For and X-Forwarded-Proto (TRUST_PROXY names
 * the front). Telegram (the sandbox) delivers webhooks only over https it can verify. Not for
 * production, where a real front does this.
 */
import { type IncomingMessage, request } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';

/** A started front; `target` says where requests go (the platform starts after the front). */
export interface TlsFront {
  /** `https://127.0.0.1:<port>`. */
  url: string;
  target(url: string): void;
  close(): Promise<void>;
}

/** Starts a front serving `cert` (for IP 127.0.0.1) with its `key`, on `port` (0: any free one). */
export async function tlsFront(tls: { key: string; cert: string }, port = 0): Promise<TlsFront> {
  let target: URL | undefined;
  const upgraded = new Set<Duplex>();
  /**
   * The platform's address of a request, or undefined when its target names another host (an
   * absolute-form `GET http://elsewhere/`, `//elsewhere/`): this front passes on to one only.
   */
  const addressOf = (incoming: IncomingMessage, to: URL) => {
    const address = new URL(incoming.url ?? '/', to);
    return address.origin === to.origin ? address : undefined;
  };
  const passOn = (incoming: IncomingMessage, address: URL) =>
    request(address, {
      method: incoming.method,
      headers: {
        ...incoming.headers,
        'x-forwarded-for': incoming.socket.remoteAddress ?? '',
        'x-forwarded-proto': 'https',
      },
    });
  const server = createServer({ key: tls.key, cert: tls.cert }, (incoming, outgoing) => {
    if (!target) {
      outgoing.writeHead(502).end();
      return;
    }
    const address = addressOf(incoming, target);
    if (!address) {
      outgoing.writeHead(400).end();
      return;
    }
    const passed = passOn(incoming, address);
    passed.on('response', (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    passed.on('error', () => outgoing.writeHead(502).end());
    incoming.pipe(passed);
  });
  server.on('upgrade', (incoming: IncomingMessage, socket: Duplex, head: Buffer) => {
    const address = target && addressOf(incoming, target);
    if (!address) {
      socket.destroy();
      return;
    }
    upgraded.add(socket);
    socket.on('close', () => upgraded.delete(socket));
    socket.on('error', () => socket.destroy());
    const passed = passOn(incoming, address);
    passed.on('upgrade', (answer, upstream: Socket, upstreamHead: Buffer) => {
      const lines = [`HTTP/1.1 ${answer.statusCode} ${answer.statusMessage}`];
      for (let i = 0; i < answer.rawHeaders.length; i += 2) {
        lines.push(`${answer.rawHeaders[i]}: ${answer.rawHeaders[i + 1]}`);
      }
      socket.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (upstreamHead.length > 0) socket.write(upstreamHead);
      if (head.length > 0) upstream.write(head);
      upstream.on('error', () => socket.destroy());
      socket.on('close', () => upstream.destroy());
      upstream.pipe(socket).pipe(upstream);
    });
    // Refused as a plain answer: the browser gets its status, the socket ends.
    passed.on('response', (answer) => {
      socket.end(`HTTP/1.1 ${answer.statusCode} ${answer.statusMessage}\r\n\r\n`);
    });
    passed.on('error', () => socket.destroy());
    passed.end();
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', done);
  });
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    target(url) {
      target = new URL(url);
    },
    close: () =>
      new Promise((done) => {
        for (const socket of upgraded) socket.destroy();
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
