/**
 * The platform's listener for Kamailio, and nobody else: its own HTTP server on 127.0.0.1 and a
 * port of its own (never the public one, so no reverse proxy can forward to it), answering only
 * loopback peers that send the edge secret generated at start.
 *
 *   POST /sip/events     a call event (events.ts) → 200 "ok"
 *   POST /sip/authorize  {"user": "<id>", "line": "line…@…"} → 200 "allow" | "deny"
 *   POST /sip/route      {"credential": "v.…", "line": "line…@…", "online": 0|1} → 200 the plan
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sameBytes } from '../../http/same-bytes';

/** What the server does with what Kamailio sends. */
export interface InternalHandlers {
  event(body: unknown): Promise<void>;
  authorize(userId: string, line: string): Promise<boolean>;
  /** The forwarding plan of a visitor's call (forwarding.ts), as Kamailio reads it. */
  route(credential: string, line: string, online: boolean): Promise<string>;
  /** Failures worth a log line. */
  error(message: string, error?: unknown): void;
}

/** A running internal server. */
export interface InternalServer {
  url: string;
  close(): Promise<void>;
}

const MAX_BODY = 64 * 1024;
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Whether `given` is the secret, compared in constant time. */
function secretMatches(given: string | string[] | undefined, secret: string): boolean {
  return typeof given === 'string' && sameBytes(given, secret);
}

async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function reply(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain', 'content-length': text.length });
  response.end(text);
}

/** Starts the server on 127.0.0.1 and a free port. */
export async function startInternalServer(
  secret: string,
  handlers: InternalHandlers,
): Promise<InternalServer> {
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    if (!LOOPBACK.has(request.socket.remoteAddress ?? '')) return reply(response, 403, 'forbidden');
    if (!secretMatches(request.headers['x-frontdesk-edge-secret'], secret)) {
      return reply(response, 403, 'forbidden');
    }
    if (request.method !== 'POST') return reply(response, 405, 'method not allowed');
    const text = await readBody(request);
    if (text === undefined) return reply(response, 413, 'too large');
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return reply(response, 400, 'not json');
    }
    if (request.url === '/sip/events') {
      await handlers.event(body);
      return reply(response, 200, 'ok');
    }
    if (request.url === '/sip/authorize') {
      const { user, line } = (typeof body === 'object' && body !== null ? body : {}) as {
        user?: unknown;
        line?: unknown;
      };
      if (typeof user !== 'string' || typeof line !== 'string') {
        return reply(response, 400, 'user and line');
      }
      return reply(response, 200, (await handlers.authorize(user, line)) ? 'allow' : 'deny');
    }
    if (request.url === '/sip/route') {
      const { credential, line, online } = (
        typeof body === 'object' && body !== null ? body : {}
      ) as { credential?: unknown; line?: unknown; online?: unknown };
      if (typeof credential !== 'string' || typeof line !== 'string') {
        return reply(response, 400, 'credential and line');
      }
      return reply(response, 200, await handlers.route(credential, line, online === 1));
    }
    return reply(response, 404, 'not found');
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      handlers.error(`SIP edge: ${request.method} ${request.url} failed`, error);
      if (!response.headersSent) reply(response, 500, 'error');
      else response.destroy();
    });
  });
  // Kamailio's HTTP client keeps its connections: let it be the one to drop an idle one, so it
  // never reuses a connection this side is closing.
  server.keepAliveTimeout = 15 * 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
