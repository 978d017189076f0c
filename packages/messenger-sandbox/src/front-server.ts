/**
 * The sandbox's own server: the customer's page and the control API, under a strict
 * Content-Security-Policy (only the page's own files; no inline code; never framed). The
 * messengers' APIs listen elsewhere (see api-listener.ts).
 */
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { ControlError } from './control-error';

/** The page's policy: everything from the sandbox's origin, nothing inline, nothing framing it. */
export const PAGE_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The front server, before it listens. */
export interface FrontServer {
  readonly app: FastifyInstance;
  /** `http://host:port` once listening. */
  readonly url: string;
  listen(host: string, port: number): Promise<string>;
  close(): Promise<void>;
}

export function createFrontServer(): FrontServer {
  let url = '';
  const app = Fastify({ logger: false, forceCloseConnections: true });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('content-security-policy', PAGE_POLICY);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
  });
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const known =
      error instanceof ControlError
        ? error
        : new ControlError(error.statusCode ?? 500, error.code ?? 'internal', error.message);
    return reply.code(known.statusCode).send(known.toBody());
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send(
        new ControlError(
          404,
          'not_found',
          `No route ${request.method} ${request.url.split('?')[0]}.`,
        ).toBody(),
      ),
  );
  return {
    app,
    get url() {
      return url;
    },
    async listen(host, port) {
      await app.listen({ host, port });
      const address = app.server.address() as AddressInfo;
      url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
      return url;
    },
    close: () => app.close(),
  };
}
