/// <reference path="./negotiator.d.ts" />
import { createHash } from 'node:crypto';
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import Negotiator from 'negotiator';
import * as v from 'valibot';
import type { AppContext } from '../context';
import { ApiError } from './api-error';
import { type PlatformApp, routeSchema } from './route-schema';

/** `:file` as the router gives it: `serve` refuses the names it does not serve. */
const FileParams = v.object({ file: v.string() });

/** A content-hashed file name (`chunk-3fA9_kq1.js`): its content never changes. */
const HASHED = /-[A-Za-z0-9_-]{8,}\.(js|css|mjs)$/;
const SAFE_NAME = /^[A-Za-z0-9_.-]{1,128}$/;
/** The build's compressed copies (see `precompress` in the root vite.config.ts), best first. */
const COPIES = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;
const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  map: 'application/json; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** Whether there is a file at `path` (without reading it). */
async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** Reads a file; undefined when there is none. */
async function readIfAny(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch {
    return undefined;
  }
}

/**
 * The representation of `name` to send for `request`: the first asset folder holding it, and in
 * that folder the compressed copy the browser accepts (brotli before gzip at equal preference;
 * `q=0` refuses one), else the file itself, and the folder. Undefined when no folder holds it.
 */
async function representation(
  dirs: string[],
  name: string,
  request: FastifyRequest,
): Promise<{ body: Buffer; encoding: string | undefined; dir: string } | undefined> {
  for (const dir of dirs) {
    const path = join(dir, name);
    const plain = await readIfAny(path);
    if (!plain) continue;
    const copies = new Map<string, Buffer>();
    for (const { encoding, suffix } of COPIES) {
      const copy = await readIfAny(path + suffix);
      if (copy) copies.set(encoding, copy);
    }
    const offered = [...copies.keys(), 'identity'];
    const chosen = new Negotiator(request).encodings(offered, { preferred: offered })[0];
    const copy = chosen === undefined ? undefined : copies.get(chosen);
    return copy ? { body: copy, encoding: chosen, dir } : { body: plain, encoding: undefined, dir };
  }
  return undefined;
}

/** A strong ETag of these bytes: each encoding of a file has its own. */
function etagOf(body: Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** Whether `If-None-Match` names `etag` (or `*`); weak and strong tags compare alike for a GET. */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}

/**
 * Serves the built browser bundles, precompressed by the build: `/v1/loader.js` and the fixed
 * entry names short-cached, hashed chunks for a year; every answer varies by Accept-Encoding,
 * carries an ETag of its own bytes (304 to a matching If-None-Match), and may be loaded from any
 * site — module scripts load in CORS mode, and the platform is another origin than the page. A
 * script with a source map names it in a `SourceMap` header.
 */
export function registerAssets(app: PlatformApp, ctx: AppContext): void {
  const serve = async (name: string, request: FastifyRequest, reply: FastifyReply) => {
    // The compressed copies are served only as the encoding of their file, never by their name.
    if (!SAFE_NAME.test(name) || name.startsWith('.') || /\.(br|gz)$/.test(name))
      throw new ApiError(404, 'not_found', `No asset ${name}.`);
    const found = await representation(ctx.assetDirs, name, request);
    if (!found) throw new ApiError(404, 'not_found', `No asset ${name}.`);
    const etag = etagOf(found.body);
    const extension = name.slice(name.lastIndexOf('.') + 1);
    reply.header('content-type', TYPES[extension] ?? 'application/octet-stream');
    reply.header('vary', 'Accept-Encoding');
    reply.header('etag', etag);
    reply.header('access-control-allow-origin', '*');
    reply.header('cross-origin-resource-policy', 'cross-origin');
    reply.header(
      'cache-control',
      HASHED.test(name) ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
    );
    // The build leaves the scripts without a `sourceMappingURL` comment, which every visitor would
    // download: developer tools find a script's map by this header instead.
    if (extension === 'js' && (await exists(join(found.dir, `${name}.map`)))) {
      reply.header('sourcemap', `/v1/assets/${name}.map`);
    }
    if (matches(request.headers['if-none-match'], etag)) return reply.code(304).send();
    if (found.encoding) reply.header('content-encoding', found.encoding);
    return reply.send(found.body);
  };
  app.get('/v1/loader.js', { schema: { hide: true } }, (request, reply) =>
    serve('loader.js', request, reply),
  );
  app.get(
    '/v1/assets/:file',
    { schema: { hide: true, params: routeSchema(FileParams) } },
    (request, reply) => serve(request.params.file, request, reply),
  );
}
