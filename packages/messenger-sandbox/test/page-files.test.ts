import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_POLICY } from '../src/index';
import { startSandbox, type TestSandbox } from './support/sandbox';

let pageDir: string;
let sandbox: TestSandbox;
beforeAll(async () => {
  pageDir = await mkdtemp(join(tmpdir(), 'sandbox-page-'));
  await mkdir(join(pageDir, 'assets'));
  await writeFile(join(pageDir, 'index.html'), '<!doctype html><title>Messenger sandbox</title>');
  await writeFile(join(pageDir, 'assets', 'main-abc.js'), 'console.log(1)');
  await writeFile(join(pageDir, 'secret.txt'), 'not for the web');
  sandbox = await startSandbox({ pageDir });
});
afterAll(async () => {
  await sandbox?.close();
  await rm(pageDir, { recursive: true, force: true });
});

describe('the page', () => {
  it('is served at / and at every Telegram path, deep links included, under the strict policy', async () => {
    for (const path of ['/', '/telegram', '/telegram/shop_bot?start=abc123']) {
      const response = await fetch(`${sandbox.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(PAGE_POLICY);
      expect(await response.text()).toContain('<title>Messenger sandbox</title>');
    }
    expect(PAGE_POLICY).toContain("script-src 'self'");
    expect(PAGE_POLICY).not.toContain('unsafe-inline');
  });

  it('serves its built files, and nothing outside them', async () => {
    const script = await fetch(`${sandbox.url}/app/assets/main-abc.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
    for (const path of ['/app/assets/..%2fsecret.txt', '/app/assets/missing.js']) {
      expect((await fetch(`${sandbox.url}${path}`)).status).toBe(404);
    }
  });

  it('says how to build it when it is not built', async () => {
    const unbuilt = await startSandbox({ pageDir: join(pageDir, 'nothing-here') });
    try {
      const response = await fetch(unbuilt.url);
      expect(response.status).toBe(503);
      expect(await response.text()).toContain('pnpm build');
    } finally {
      await unbuilt.close();
    }
  });
});
