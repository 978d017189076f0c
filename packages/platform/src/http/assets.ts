import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { ApiError } from './api-error';
import type { AppContext } from './context';

/** A content-hashed file name (`chunk-3fA9_kq1.js`): its content never changes. */
const HASHED = /-[A-Za-z0-9_-]{8,}\.(js|css|mjs)$/;
const SAFE_NAME = /^[A-Za-z0-9_.-]{1,128}$/;
const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  map: 'application/json; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** The first asset folder holding `name`, read; undefined when none does. */
async function findAsset(dirs: string[], name: string): Promise<Buffer | undefined> {
  for (const dir of dirs) {
    try {
      return await readFile(join(dir, name));
    } catch {
      // Not in this folder: try the next.
    }
  }
  return undefined;
}

/** Serves the built browser bundles: `/v1/loader.js` short-cached, hashed chunks for a year. */
export function registerAssets(app: FastifyInstance, ctx: AppContext): void {
  const serve = async (name: string, reply: import('fastify').FastifyReply) => {
    if (!SAFE_NAME.test(name) || name.startsWith('.'))
      throw new ApiError(404, 'not_found', `No asset ${name}.`);
    const body = await findAsset(ctx.assetDirs, name);
    if (!body) throw new ApiError(404, 'not_found', `No asset ${name}.`);
    const extension = name.slice(name.lastIndexOf('.') + 1);
    reply.header('content-type', TYPES[extension] ?? 'application/octet-stream');
    reply.header('access-control-allow-origin', '*');
    reply.header(
      'cache-control',
      HASHED.test(name) ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
    );
    return reply.send(body);
  };
  app.get('/v1/loader.js', { schema: { hide: true } }, (_, reply) => serve('loader.js', reply));
  app.get('/v1/assets/:file', { schema: { hide: true } }, (request, reply) =>
    serve((request.params as { file: string }).file, reply),
  );
}
