/**
 * The customer's page: built by Vite into `page/dist/` (its files under `/app/`), its HTML
 * served at every page path; the single-page app reads the path itself.
 */
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** Where the built page is, from `src/` and from `dist/` alike. */
export const PAGE_DIR = fileURLToPath(new URL(/* @vite-ignore */ '../page/dist/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Serves the page from `dir` at `/` and under each of `prefixes` (`/telegram`, …). */
export function registerPage(app: FastifyInstance, dir: string, prefixes: string[]): void {
  const html = async (_request: unknown, reply: FastifyReply) => {
    try {
      const page = await readFile(join(dir, 'index.html'));
      return reply
        .type(TYPES['.html'] ?? '')
        .header('cache-control', 'no-cache')
        .send(page);
    } catch {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The sandbox page is not built: run `pnpm build`.');
    }
  };
  app.get('/', html);
  for (const prefix of prefixes) {
    app.get(prefix, html);
    app.get(`${prefix}/*`, html);
  }
  app.get('/favicon.ico', (_request, reply) => reply.code(204).send());
  app.get('/app/assets/*', async (request, reply) => {
    const rest = (request.params as { '*': string })['*'];
    const path = normalize(rest);
    if (path.startsWith('..') || path.includes('/..')) return reply.callNotFound();
    try {
      const body = await readFile(join(dir, 'assets', path));
      return reply
        .type(TYPES[extname(path)] ?? 'application/octet-stream')
        .header('cache-control', 'public, max-age=31536000, immutable')
        .send(body);
    } catch {
      return reply.callNotFound();
    }
  });
}
