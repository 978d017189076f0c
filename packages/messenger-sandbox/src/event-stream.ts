/**
 * Server-sent events for the page: a chat's messages and typing as they happen. The page reads
 * them with EventSource (allowed by `connect-src 'self'`).
 */
import type { FastifyReply } from 'fastify';

/** How often a comment line keeps idle proxies from closing the stream. */
const KEEP_ALIVE_MS = 25_000;

/** An open stream: `send` writes one event; `closed` resolves when the page goes away. */
export interface EventStream {
  send(event: string, data: unknown): void;
  readonly closed: Promise<void>;
}

/** Takes over `reply` as an event stream. */
export function openEventStream(reply: FastifyReply): EventStream {
  reply.hijack();
  const response = reply.raw;
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
  keepAlive.unref();
  const closed = new Promise<void>((resolve) =>
    response.on('close', () => {
      clearInterval(keepAlive);
      resolve();
    }),
  );
  return {
    send(event, data) {
      if (!response.writableEnded)
        response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    closed,
  };
}
