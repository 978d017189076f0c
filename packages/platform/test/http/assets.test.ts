/**
 * The browser bundles as the platform sends them: the build's brotli and gzip copies (made here by
 * the build's own `precompressFiles`) chosen by Accept-Encoding, caching, ETags, CORS.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressFiles } from '../../../../vite.config.ts';
import { engines, type TestDatabase } from '../support/databases';
import { startPlatform, type TestPlatform } from '../support/platform';

const sqlite = engines.find((engine) => engine.name === 'sqlite');

/** A script long and repetitive enough that both copies are much smaller. */
const script = (name: string) =>
  Array.from({ length: 200 }, (_, i) => `export const ${name}${i} = "${name} ${i}";`).join('\n');

describe('bundle serving', () => {
  let database: TestDatabase;
  let t: TestPlatform;
  let assets: string;
  const files = {
    'loader.js': script('loader'),
    'callback.js': script('launcher'),
    'open-widget-Ab12Cd34.js': script('form'),
    // Too small to gain from compression: the build writes no copy of it.
    'texts-en-Zz98Yy76.js': 'export{};',
    // Source maps get no copies either.
    'callback.js.map': '{"version":3,"mappings":""}',
  };
  /** The loader's map, in a folder of its own, as the loader's build leaves it. */
  const loaderMap = '{"version":3,"sources":["loader.ts"],"mappings":""}';

  beforeAll(async () => {
    assets = await mkdtemp(join(tmpdir(), 'fd-assets-'));
    for (const [name, text] of Object.entries(files)) await writeFile(join(assets, name), text);
    await precompressFiles(assets, ['loader.js', 'callback.js', 'open-widget-Ab12Cd34.js']);
    await precompressFiles(assets, ['texts-en-Zz98Yy76.js']);
    if (!sqlite) throw new Error('the SQLite test engine is missing');
    database = await sqlite.open();
    t = await startPlatform(database, { assetDirs: [join(assets, 'missing'), assets] });
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
    await rm(assets, { recursive: true, force: true });
  });

  const get = (path: string, headers: Record<string, string> = {}) => t.request(path, { headers });
  /** The body as sent, before any decoding (fetch would decode it). */
  const rawBody = async (response: Response) => Buffer.from(await response.arrayBuffer());
  /** Node's fetch decodes by itself; this asks with `headers` and returns the undecoded bytes. */
  const sent = (path: string, acceptEncoding?: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
      (done, fail) => {
        const req = httpRequest(
          new URL(path, t.url),
          {
            headers: {
              ...headers,
              ...(acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }),
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () =>
              done({
                status: res.statusCode ?? 0,
                headers: res.headers,
                body: Buffer.concat(chunks),
              }),
            );
          },
        );
        req.on('error', fail);
        req.end();
      },
    );

  it('sends brotli to a browser that takes it, gzip to one that takes only gzip', async () => {
    const original = files['callback.js'];
    // Chromium over https lists gzip first; at equal preference brotli, the smaller, wins.
    const brotli = await sent('/v1/assets/callback.js', 'gzip, deflate, br, zstd');
    expect(brotli.status).toBe(200);
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(brotliDecompressSync(brotli.body).toString()).toBe(original);
    expect(brotli.body.length).toBeLessThan(original.length / 4);

    // Chromium over http.
    const gzip = await sent('/v1/assets/callback.js', 'gzip, deflate');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(original);
    expect(Number(gzip.headers['content-length'])).toBe(gzip.body.length);

    const loader = await sent('/v1/loader.js', 'br');
    expect(loader.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(loader.body).toString()).toBe(files['loader.js']);
  });

  it('honours the browser’s preferences: q-values, q=0 and no Accept-Encoding at all', async () => {
    const cases: [acceptEncoding: string | undefined, encoding: string | undefined][] = [
      ['gzip;q=1, br;q=0.5', 'gzip'],
      ['br;q=0, gzip', 'gzip'],
      ['br;q=0, *', 'gzip'],
      ['*', 'br'],
      ['gzip;q=0, br;q=0', undefined],
      ['identity', undefined],
      ['deflate', undefined],
      [undefined, undefined],
    ];
    for (const [acceptEncoding, encoding] of cases) {
      const response = await sent('/v1/assets/open-widget-Ab12Cd34.js', acceptEncoding);
      expect([acceptEncoding, response.headers['content-encoding']]).toEqual([
        acceptEncoding,
        encoding,
      ]);
      expect(response.headers.vary).toBe('Accept-Encoding');
      const body =
        encoding === 'br'
          ? brotliDecompressSync(response.body)
          : encoding === 'gzip'
            ? gunzipSync(response.body)
            : response.body;
      expect(body.toString()).toBe(files['open-widget-Ab12Cd34.js']);
    }
  });

  it('sends a file the build left without copies as it is', async () => {
    for (const name of ['texts-en-Zz98Yy76.js', 'callback.js.map']) {
      const response = await sent(`/v1/assets/${name}`, 'gzip, deflate, br');
      expect(response.status, name).toBe(200);
      expect(response.headers['content-encoding'], name).toBeUndefined();
      expect(response.headers.vary, name).toBe('Accept-Encoding');
      expect(response.body.toString(), name).toBe(files[name as keyof typeof files]);
    }
    expect((await sent('/v1/assets/callback.js.map')).headers['content-type']).toBe(
      'application/json; charset=utf-8',
    );
  });

  it('names a script’s source map in a header, for developer tools, and only where there is one', async () => {
    const headers = async (path: string) => (await get(path)).headers;
    expect((await headers('/v1/assets/callback.js')).get('sourcemap')).toBe(
      '/v1/assets/callback.js.map',
    );
    expect(await (await get('/v1/assets/callback.js.map')).text()).toBe(files['callback.js.map']);
    for (const path of ['/v1/assets/open-widget-Ab12Cd34.js', '/v1/assets/callback.js.map']) {
      expect((await headers(path)).get('sourcemap'), path).toBeNull();
    }
  });

  it('names the map of the script it serves, from that script’s own folder (the loader’s here)', async () => {
    const loaderAssets = await mkdtemp(join(tmpdir(), 'fd-loader-'));
    await writeFile(join(loaderAssets, 'loader.js'), 'export{};');
    await writeFile(join(loaderAssets, 'loader.js.map'), loaderMap);
    const own = await sqlite?.open();
    if (!own) throw new Error('the SQLite test engine is missing');
    const other = await startPlatform(own, { assetDirs: [loaderAssets, assets] });
    try {
      const map = (await other.request('/v1/loader.js')).headers.get('sourcemap');
      expect(map).toBe('/v1/assets/loader.js.map');
      expect(await (await other.request(map ?? '')).text()).toBe(loaderMap);
    } finally {
      await other.close();
      await own.drop();
      await rm(loaderAssets, { recursive: true, force: true });
    }
    // The first folder's loader has no map: none is named.
    expect((await get('/v1/loader.js')).headers.get('sourcemap')).toBeNull();
  });

  it('caches hashed chunks for a year and the loader and entries briefly', async () => {
    for (const path of ['/v1/loader.js', '/v1/assets/callback.js']) {
      expect((await get(path)).headers.get('cache-control'), path).toBe('public, max-age=300');
    }
    for (const path of ['/v1/assets/open-widget-Ab12Cd34.js', '/v1/assets/texts-en-Zz98Yy76.js']) {
      expect((await get(path)).headers.get('cache-control'), path).toBe(
        'public, max-age=31536000, immutable',
      );
    }
  });

  it('tags each encoding apart and answers a matching If-None-Match with 304', async () => {
    const tags = new Map<string, string>();
    for (const acceptEncoding of ['br', 'gzip', 'identity']) {
      const response = await get('/v1/loader.js', { 'accept-encoding': acceptEncoding });
      tags.set(acceptEncoding, response.headers.get('etag') ?? '');
    }
    expect(new Set(tags.values()).size).toBe(3);
    for (const tag of tags.values()) expect(tag).toMatch(/^"[\w-]{20,}"$/);

    const again = await get('/v1/loader.js', {
      'accept-encoding': 'br',
      'if-none-match': tags.get('br') ?? '',
    });
    expect(again.status).toBe(304);
    expect(await rawBody(again)).toHaveLength(0);
    expect(again.headers.get('etag')).toBe(tags.get('br'));
    expect(again.headers.get('vary')).toBe('Accept-Encoding');
    expect(again.headers.get('cache-control')).toBe('public, max-age=300');
    // Weak comparison, and one of a list.
    const listed = await get('/v1/loader.js', {
      'accept-encoding': 'gzip',
      'if-none-match': `"other", W/${tags.get('gzip')}`,
    });
    expect(listed.status).toBe(304);

    // The brotli copy's tag does not stand for the gzip copy: a browser that now takes only
    // gzip gets it whole.
    const mismatched = await get('/v1/loader.js', {
      'accept-encoding': 'gzip',
      'if-none-match': tags.get('br') ?? '',
    });
    expect(mismatched.status).toBe(200);
    expect(mismatched.headers.get('etag')).toBe(tags.get('gzip'));
    expect(mismatched.headers.get('content-encoding')).toBe('gzip');

    // A new build changes the file and its copies: the old tags no longer match.
    await writeFile(join(assets, 'loader.js'), `${files['loader.js']}\n// rebuilt`);
    await precompressFiles(assets, ['loader.js']);
    for (const acceptEncoding of ['br', 'identity']) {
      const rebuilt = await sent('/v1/loader.js', acceptEncoding, {
        'if-none-match': tags.get(acceptEncoding) ?? '',
      });
      expect(rebuilt.status, acceptEncoding).toBe(200);
      const body = acceptEncoding === 'br' ? brotliDecompressSync(rebuilt.body) : rebuilt.body;
      expect(body.toString(), acceptEncoding).toContain('// rebuilt');
    }
    await writeFile(join(assets, 'loader.js'), files['loader.js']);
    await precompressFiles(assets, ['loader.js']);
  });

  it('lets any site load the bundles, also as module scripts (CORS) and across origins (CORP)', async () => {
    for (const path of ['/v1/loader.js', '/v1/assets/open-widget-Ab12Cd34.js']) {
      const response = await get(path, { origin: 'https://shop.example' });
      expect(response.headers.get('access-control-allow-origin'), path).toBe('*');
      expect(response.headers.get('cross-origin-resource-policy'), path).toBe('cross-origin');
      const revalidated = await get(path, {
        origin: 'https://shop.example',
        'if-none-match': response.headers.get('etag') ?? '',
      });
      expect(revalidated.status, path).toBe(304);
      expect(revalidated.headers.get('access-control-allow-origin'), path).toBe('*');
    }
  });

  it('serves only the bundles: no copies by name, nothing outside the folders', async () => {
    expect(await readFile(join(assets, 'callback.js.br'))).toBeTruthy();
    for (const path of [
      '/v1/assets/nope.js',
      '/v1/assets/callback.js.br',
      '/v1/assets/callback.js.gz',
      '/v1/assets/..%2Fpackage.json',
      '/v1/assets/.hidden',
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect((await response.json()).error.code, path).toBe('not_found');
    }
  });
});
