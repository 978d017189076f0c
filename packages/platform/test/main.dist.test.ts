/** The built platform as `pnpm --filter @frontdesk/platform start` runs it: env in, seeded, SIGTERM out. */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const mainJs = new URL('../dist/main.js', import.meta.url).pathname;

describe('platform process', () => {
  let dataDir: string;
  let child: ChildProcess;
  let url: string;
  let output = '';

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'fd-main-'));
    child = spawn(process.execPath, [mainJs], {
      env: { PATH: process.env.PATH, PORT: '0', DATA_DIR: dataDir, SEED_DEMO: '1', LOG: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    url = await new Promise<string>((resolve, reject) => {
      child.stdout?.on('data', (chunk) => {
        output += chunk;
        const match = /platform at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match?.[1]) resolve(match[1]);
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
    });
  }, 60_000);
  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  it('listens on loopback, seeded with the demo account, and stops cleanly on SIGTERM', async () => {
    expect(output).toContain(
      'admin@demo.test, marketer@demo.test, operator@demo.test, operator2@demo.test',
    );
    expect(output).toContain('password "demo-password"');
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
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
