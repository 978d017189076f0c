/**
 * The local CA (`npm start` keeps one in DATA_DIR/tls): made once per folder and read again after,
 * its server certificate verified against it for 127.0.0.1 — and refused without it.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { localCa } from '../src/local-ca';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** Asks `url` over https trusting `ca` (none: the system's); its status, or the error's code. */
function ask(url: string, ca: string | undefined): Promise<number | string> {
  return new Promise((resolve) => {
    const req = request(url, ca ? { ca } : {}, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    req.end();
  });
}

describe('the local CA', () => {
  it('is made once per folder, and its certificate is good for 127.0.0.1 only with it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'local-ca-'));
    dirs.push(dir);
    const first = await localCa(join(dir, 'tls'));
    const again = await localCa(join(dir, 'tls'));
    expect(again).toEqual(first);

    const server = createServer({ key: first.key, cert: first.cert }, (_, response) =>
      response.writeHead(204).end(),
    );
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      expect(await ask(url, await readFile(first.caFile, 'utf8'))).toBe(204);
      expect(await ask(url, undefined)).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    } finally {
      server.close();
    }
  });
});
