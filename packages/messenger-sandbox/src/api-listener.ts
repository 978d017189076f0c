/**
 * A messenger's API on a listener of its own, as the real service is a host of its own: a test
 * can take it down (connection refused, or the 502 its front answers while the service behind is
 * away) or slow it down, while the page and the control API stay up.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import Fastify, { type FastifyInstance } from 'fastify';

/** How an API is down: nothing listens (connection refused), or its front answers 502. */
export type Outage = 'refused' | 'bad-gateway';

/** The page the messengers' nginx fronts answer while the API behind them is away. */
const BAD_GATEWAY = [
  '<html>',
  '<head><title>502 Bad Gateway</title></head>',
  '<body>',
  '<center><h1>502 Bad Gateway</h1></center>',
  '<hr><center>nginx</center>',
  '</body>',
  '</html>',
  '',
].join('\r\n');

/** A messenger API's listener and the faults a test can put on it. */
export interface ApiListener {
  /** The Fastify app the messenger registers its API on (before {@link ApiListener.start}). */
  readonly app: FastifyInstance;
  /** Whether and how the API is down now. */
  readonly outage: Outage | undefined;
  /** Listens; resolves to the API's base URL, `http://host:port`. */
  start(): Promise<string>;
  /** Takes the API down until {@link ApiListener.up}: open connections are cut. */
  down(outage: Outage): Promise<void>;
  /** Brings the API back on the same port; then calls the `onUp` listeners. */
  up(): Promise<void>;
  /** Delays every answer by `ms` (0: no delay). */
  slow(ms: number): void;
  /** Calls `listener` whenever the API comes back up. */
  onUp(listener: () => void): void;
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function stopListening(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  return closed;
}

/** A listener on `host`:`port` (0: any free port) for one messenger's API. */
export function createApiListener(host: string, port: number): ApiListener {
  let server: Server | undefined;
  let boundPort = port;
  let outage: Outage | undefined;
  let delayMs = 0;
  const upListeners: (() => void)[] = [];
  const app = Fastify({
    logger: false,
    serverFactory: (handler) => {
      server = createServer(handler);
      return server;
    },
  });
  app.addHook('onRequest', async (_request, reply) => {
    if (delayMs > 0) await sleep(delayMs);
    if (outage === 'bad-gateway') {
      return reply.code(502).type('text/html').send(BAD_GATEWAY);
    }
  });
  const theServer = (): Server => {
    if (!server) throw new Error('The API listener has no server yet: call start() first.');
    return server;
  };
  return {
    app,
    get outage() {
      return outage;
    },
    async start() {
      await app.ready();
      await listen(theServer(), boundPort, host);
      boundPort = (theServer().address() as AddressInfo).port;
      return `http://${host.includes(':') ? `[${host}]` : host}:${boundPort}`;
    },
    async down(next) {
      outage = next;
      if (next === 'refused') await stopListening(theServer());
    },
    async up() {
      const wasRefused = outage === 'refused';
      outage = undefined;
      if (wasRefused) await listen(theServer(), boundPort, host);
      for (const listener of upListeners) listener();
    },
    slow(ms) {
      delayMs = Math.max(0, ms);
    },
    onUp(listener) {
      upListeners.push(listener);
    },
    async close() {
      if (server) await stopListening(server);
      await app.close();
    },
  };
}
