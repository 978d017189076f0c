import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, type TestDatabase } from '../support/databases';
import { connectOps, type OpsClient } from '../support/ops-client';
import { startPlatform, type TestPlatform } from '../support/platform';

const sqlite = engines.find((engine) => engine.name === 'sqlite');

describe('staff web apps and who is online', () => {
  let database: TestDatabase;
  let t: TestPlatform;
  let dir: string;
  const clients: OpsClient[] = [];

  beforeAll(async () => {
    if (!sqlite) throw new Error('the SQLite test engine is missing');
    dir = await mkdtemp(join(tmpdir(), 'fd-console-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>console</title>');
    await writeFile(join(dir, 'assets', 'index-Ab12Cd34.js'), 'export {};');
    database = await sqlite.open();
    t = await startPlatform(database, { webApps: { '/console': dir } });
  });
  afterAll(async () => {
    for (const client of clients) client.socket.disconnect();
    await t?.close();
    await database?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the app page under a strict policy for every path of the app', async () => {
    for (const path of ['/console/', '/console/orders', '/console/deep/link?x=1']) {
      const response = await t.request(path);
      expect(response.status, path).toBe(200);
      expect(await response.text()).toContain('<title>console</title>');
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("style-src 'self'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).not.toContain('unsafe-inline');
      expect(response.headers.get('cache-control')).toBe('no-cache');
    }
    expect((await t.request('/console', { redirect: 'manual' })).headers.get('location')).toBe(
      '/console/',
    );
  });

  it('serves hashed assets for a year and nothing outside the app folder', async () => {
    const asset = await t.request('/console/assets/index-Ab12Cd34.js');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toContain('text/javascript');
    expect((await t.request('/console/assets/missing.js')).status).toBe(404);
    const outside = await t.request('/console/assets/..%2F..%2Fpackage.json');
    expect(await outside.text()).not.toContain('"name"');
  });

  it('tells every console of the account who is online, as people come and go', async () => {
    const operator = await connectOps(t, 'operator');
    clients.push(operator);
    await operator.next<{ name: string }[]>('presence', (list) => list.length === 1);
    const admin = await connectOps(t, 'admin');
    clients.push(admin);
    const both = await operator.next<{ id: string; name: string; role: string }[]>(
      'presence',
      (list) => list.length === 2,
    );
    expect(both).toEqual([
      { id: t.users.admin.id, name: 'Admin Person', role: 'admin' },
      { id: t.users.operator.id, name: 'Operator Person', role: 'operator' },
    ]);
    admin.socket.disconnect();
    const left = await operator.next<{ id: string }[]>('presence', (list) => list.length === 1);
    expect(left.map((user) => user.id)).toEqual([t.users.operator.id]);
  });
});
