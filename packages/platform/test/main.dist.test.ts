/** The built platform as `pnpm --filter @frontdesk/platform start` runs it: env in, seeded, SIGTERM out. */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltPlatform, builtPlatform } from './support/built-platform';

describe('platform process', () => {
  let platform: BuiltPlatform;
  let url: string;

  beforeAll(async () => {
    platform = await builtPlatform('fd-main-');
    url = await platform.start();
  }, 60_000);
  afterAll(async () => {
    await platform?.dispose();
  });

  it('listens on loopback, seeded with the demo account', async () => {
    expect(platform.output).toContain(
      'admin@demo.test, marketer@demo.test, operator@demo.test, operator2@demo.test',
    );
    expect(platform.output).toContain('password "demo-password"');
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ ok: true });
    const login = await fetch(`${url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'operator2@demo.test', password: 'demo-password' }),
    });
    expect(login.status).toBe(200);
    for (const key of ['demo-call', 'demo-callback', 'demo-chat', 'demo-callback-office']) {
      const config = await fetch(`${url}/v1/widgets/${key}/config`, {
        headers: { origin: 'http://localhost:3000' },
      });
      expect(config.status, key).toBe(200);
    }
  });

  it('serves the workspace’s built widget bundles without ASSET_DIRS, precompressed', async () => {
    const built = (path: string) => readFile(new URL(`../../${path}`, import.meta.url));
    // fetch decodes what it asked for: the bytes it hands back are the file's.
    const loader = await fetch(`${url}/v1/loader.js`, { headers: { 'accept-encoding': 'br' } });
    expect(loader.status).toBe(200);
    expect(loader.headers.get('content-encoding')).toBe('br');
    expect(Buffer.from(await loader.arrayBuffer())).toEqual(
      await built('loader/dist/browser/loader.js'),
    );
    for (const widget of ['call', 'callback', 'chat']) {
      const launcher = await fetch(`${url}/v1/assets/${widget}.js`, {
        headers: { 'accept-encoding': 'gzip' },
      });
      expect([widget, launcher.status, launcher.headers.get('content-encoding')]).toEqual([
        widget,
        200,
        'gzip',
      ]);
      expect(Buffer.from(await launcher.arrayBuffer())).toEqual(
        await built(`widgets/dist/browser/${widget}.js`),
      );
    }
    // The platform's own test page of a widget embeds that loader.
    const page = await (await fetch(`${url}/test/demo-callback`)).text();
    expect(page).toContain('/v1/loader.js');
  });

  it('stops cleanly on SIGTERM', async () => {
    expect(await platform.kill('SIGTERM')).toBe(0);
  });
});
