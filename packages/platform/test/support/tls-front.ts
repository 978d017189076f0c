/**
 * A TLS front before a platform, as production puts one (nginx, a load balancer): https on a
 * loopback port with a certificate of a throwaway CA, every request passed on to the platform's
 * http URL. Telegram (the sandbox) delivers webhooks only over https it can verify.
 */
import { request } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';

/** A started front; `target` says where requests go (the platform starts after the front). */
export interface TlsFront {
  /** `https://127.0.0.1:<port>`. */
  url: string;
  target(url: string): void;
  close(): Promise<void>;
}

/** Starts a front serving `cert` (for IP 127.0.0.1) with its `key`. */
export async function tlsFront(tls: { key: string; cert: string }): Promise<TlsFront> {
  let target: URL | undefined;
  const server = createServer({ key: tls.key, cert: tls.cert }, (incoming, outgoing) => {
    if (!target) {
      outgoing.writeHead(502).end();
      return;
    }
    const passed = request(
      new URL(incoming.url ?? '/', target),
      { method: incoming.method, headers: incoming.headers },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    passed.on('error', () => outgoing.writeHead(502).end());
    incoming.pipe(passed);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    target(url) {
      target = new URL(url);
    },
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
