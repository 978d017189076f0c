import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { FastifyReply } from 'fastify';
import * as v from 'valibot';
import type { AppContext } from '../context';
import { type PlatformApp, routeSchema } from './route-schema';

/** The path under the app's prefix, as the router gives it. */
const RestParams = v.object({ '*': v.string() });

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/**
 * The staff pages' policy: scripts, styles and sockets of the platform's own origin (and the SIP
 * edge's WebSocket, for the console's softphone) only, no inline code, never framed.
 */
export function staffPagePolicy(publicUrl: string, sipWsBase?: string): string {
  const socketOrigin = publicUrl.replace(/^http/, 'ws');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src 'self' ${socketOrigin}${sipWsBase ? ` ${sipWsBase}` : ''}`,
    "img-src 'self' data: https:",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Serves a built single-page app (the console, the Studio) at `prefix`: its hashed assets for a
 * year, and `index.html` for every other path under it, with the staff page policy.
 */
export function registerWebApp(
  app: PlatformApp,
  ctx: AppContext,
  prefix: string,
  dir: string,
  sipWsBase: () => string | undefined = () => undefined,
): void {
  const send = async (reply: FastifyReply, path: string) => {
    const body = await readFile(join(dir, path));
    const type = TYPES[extname(path)] ?? 'application/octet-stream';
    reply.header('content-type', type);
    if (path === 'index.html') {
      reply.header('cache-control', 'no-cache');
      reply.header('content-security-policy', staffPagePolicy(ctx.env.publicUrl, sipWsBase()));
      reply.header('x-content-type-options', 'nosniff');
      reply.header('referrer-policy', 'same-origin');
    } else {
      reply.header('cache-control', 'public, max-age=31536000, immutable');
    }
    return reply.send(body);
  };
  app.get(`${prefix}`, { schema: { hide: true } }, (_, reply) => reply.redirect(`${prefix}/`));
  app.get(
    `${prefix}/*`,
    { schema: { hide: true, params: routeSchema(RestParams) } },
    async (request, reply) => {
      const rest = request.params['*'];
      const path = normalize(rest).replace(/^(\.\.(\/|$))+/, '');
      if (path.startsWith('assets/') && !path.includes('..')) {
        try {
          return await send(reply, path);
        } catch {
          return reply
            .code(404)
            .send({ error: { code: 'not_found', message: `No file ${rest}.` } });
        }
      }
      return send(reply, 'index.html');
    },
  );
}
