/** The built platform as `pnpm --filter @frontdesk/platform start` runs it: env in, seeded, SIGTERM out. */
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

  it('listens on loopback, seeded with the demo account, and stops cleanly on SIGTERM', async () => {
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
    expect(await platform.kill('SIGTERM')).toBe(0);
  });
});
