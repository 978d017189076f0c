/**
 * The capped download of a messenger's file, against a real HTTP server: the bytes as sent; a
 * declared length past the cap refused before the body; a body past the cap with no length
 * stopped at the cap; a 5xx, a 429 (with its wait) and a refused connection tried again; a 404
 * final; the URL (Telegram's carries the token) never in what the operator reads; only addresses
 * the caller allows fetched, redirects included.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadCapped } from '../../../../src/chat/channels/attachments/download';
import { RATE_LIMIT_WAIT_MS } from '../../../../src/retry-after';

let server: Server;
let base: string;
let bodyCancelled = false;
/** The paths the server was asked for. */
const asked: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? '';
    asked.push(path);
    if (path === '/photo') {
      response.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([1, 2, 3, 4]));
    } else if (path === '/declared-large') {
      response.writeHead(200, { 'content-length': '5000' }).end(Buffer.alloc(5000));
    } else if (path === '/streamed-large') {
      // No length: the platform must count and stop by itself.
      response.writeHead(200, { 'transfer-encoding': 'chunked' });
      let sent = 0;
      const more = () => {
        if (response.destroyed) {
          bodyCancelled = true;
          return;
        }
        sent += 1000;
        response.write(Buffer.alloc(1000));
        if (sent < 1_000_000) setImmediate(more);
        else response.end();
      };
      response.on('close', () => {
        if (sent < 1_000_000) bodyCancelled = true;
      });
      more();
    } else if (path === '/moved') {
      response.writeHead(302, { location: '/photo' }).end();
    } else if (path === '/moved-out') {
      response.writeHead(302, { location: '/inside' }).end();
    } else if (path === '/looping') {
      response.writeHead(302, { location: '/looping' }).end();
    } else if (path === '/busy-unsaid') {
      response.writeHead(429).end();
    } else if (path === '/busy') {
      response.writeHead(429, { 'retry-after': '7' }).end();
    } else if (path === '/busy-dated') {
      response.writeHead(429, { 'retry-after': new Date(NOW + 90_000).toUTCString() }).end();
    } else if (path === '/broken') {
      response.writeHead(502).end('<html>Bad Gateway</html>');
    } else {
      response.writeHead(404).end('Not Found');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((done) => server.close(() => done())));

/** Every address the test server has but `/inside` (an address the platform must not read). */
const allowed = (url: URL) => url.origin === base && url.pathname !== '/inside';

/** The time now for the downloads (a rate limit's date is read against it). */
const NOW = Date.parse('2026-03-04T07:00:00Z');

const get = (path: string, maxBytes = 2048) =>
  downloadCapped(`${base}${path}`, { what: 'Telegram', maxBytes, allowed, now: NOW });

describe('downloadCapped', () => {
  it('fetches only what the caller allows, each redirect checked before it is followed', async () => {
    const refused = {
      status: 'failed',
      error: 'Telegram named a file address the platform does not fetch from.',
    };
    asked.length = 0;
    expect(await get('/inside')).toEqual(refused);
    expect(await get('/moved-out')).toEqual(refused);
    expect(
      await downloadCapped('not a url', { what: 'Telegram', maxBytes: 10, allowed, now: NOW }),
    ).toEqual(refused);
    expect(asked).toEqual(['/moved-out']);
    // Within what is allowed, a redirect is followed; a loop of them is not, for ever.
    expect(await get('/moved')).toEqual({ status: 'fetched', bytes: new Uint8Array([1, 2, 3, 4]) });
    expect(await get('/looping')).toEqual(refused);
    expect(asked.filter((path) => path === '/looping')).toHaveLength(4);
  });

  it('gives the bytes as the server sent them', async () => {
    expect(await get('/photo')).toEqual({ status: 'fetched', bytes: new Uint8Array([1, 2, 3, 4]) });
  });

  it('refuses a file past the cap, by its declared length or as it streams', async () => {
    const failure = {
      status: 'failed',
      error: 'The file is larger than the 2 KB the platform keeps.',
    };
    expect(await get('/declared-large')).toEqual(failure);
    expect(await get('/streamed-large')).toEqual(failure);
    await expect.poll(() => bodyCancelled).toBe(true);
  });

  it('tries again after an outage, a 5xx or a 429 (with its wait, or the usual one); a 404 is final', async () => {
    expect(await get('/busy')).toEqual({
      status: 'retry',
      error: 'Telegram asked to wait before giving the file (HTTP 429).',
      retryAfterMs: 7000,
    });
    expect(await get('/busy-dated')).toMatchObject({ status: 'retry', retryAfterMs: 90_000 });
    // A 429 that does not say how long is a rate limit all the same: the usual wait.
    expect(await get('/busy-unsaid')).toEqual({
      status: 'retry',
      error: 'Telegram asked to wait before giving the file (HTTP 429).',
      retryAfterMs: RATE_LIMIT_WAIT_MS,
    });
    expect(await get('/broken')).toEqual({
      status: 'retry',
      error: 'Telegram did not give the file (HTTP 502).',
    });
    expect(await get('/gone')).toEqual({
      status: 'failed',
      error: 'Telegram no longer gives this file (HTTP 404).',
    });
    // A port nothing listens on any more.
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((done) => closed.close(() => done()));
    const refused = await downloadCapped(`http://127.0.0.1:${port}/file/bot123:SECRET/a.jpg`, {
      what: 'Telegram',
      maxBytes: 10,
      allowed: () => true,
      now: NOW,
    });
    expect(refused).toEqual({
      status: 'retry',
      error: 'Telegram did not give the file: connection refused',
    });
    expect(JSON.stringify(refused)).not.toContain('SECRET');
  });
});
