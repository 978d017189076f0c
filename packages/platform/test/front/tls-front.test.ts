/** The TLS front passes every request on to its platform, and to nothing else. */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ThrowawayCa,
  throwawayCa,
} from '../../../messenger-sandbox/test/support/throwaway-ca';
import { type TlsFront, tlsFront } from '../support/tls-front';

/** A plain http server recording the paths it was asked for. */
async function recorder(): Promise<{ server: Server; url: string; paths: string[] }> {
  const paths: string[] = [];
  const server = createServer((request, response) => {
    paths.push(request.url ?? '');
    response.end('ok');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, paths };
}

describe('the TLS front', () => {
  let ca: ThrowawayCa;
  let front: TlsFront;
  let platform: Awaited<ReturnType<typeof recorder>>;
  let elsewhere: Awaited<ReturnType<typeof recorder>>;

  beforeAll(async () => {
    ca = await throwawayCa();
    front = await tlsFront(ca);
    platform = await recorder();
    elsewhere = await recorder();
    front.target(platform.url);
  });
  afterAll(async () => {
    await front?.close();
    platform?.server.close();
    elsewhere?.server.close();
    await ca?.remove();
  });

  /** Sends `target` as the request line's target, raw (fetch would normalise it). */
  function ask(target: string): Promise<string> {
    const { port } = new URL(front.url);
    return new Promise((done, fail) => {
      const socket = connect(
        { host: '127.0.0.1', port: Number(port), ca: readFileSync(ca.caFile) },
        () => {
          // Written, not ended: the front answers, then closes (Connection: close).
          socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
        },
      );
      let answer = '';
      socket.on('data', (chunk: Buffer) => {
        answer += chunk.toString('utf8');
      });
      socket.on('end', () => done(answer));
      socket.on('error', fail);
    });
  }

  it('passes a path on to the platform', async () => {
    expect(await ask('/v1/healthz?x=1')).toMatch(/^HTTP\/1\.1 200/);
    expect(platform.paths).toContain('/v1/healthz?x=1');
  });

  it('refuses a request target naming another host, which reaches nobody', async () => {
    const { host } = new URL(elsewhere.url);
    for (const target of [`http://${host}/secret`, `//${host}/secret`, `/\\${host}/secret`]) {
      expect(await ask(target), target).toMatch(/^HTTP\/1\.1 400/);
    }
    expect(elsewhere.paths).toEqual([]);
  });
});
