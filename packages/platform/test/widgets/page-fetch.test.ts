/** The site check's page loader against local servers: its fences and its limits. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fetchPage,
  isPublicAddress,
  MAX_PAGE_BYTES,
  MAX_REDIRECTS,
} from '../../src/widgets/page-fetch';

const open = { allowPrivate: true, userAgent: 'test' };
const fenced = { allowPrivate: false, userAgent: 'test' };

let server: Server;
let base: string;
const seen: { url: string; headers: Record<string, unknown> }[] = [];
beforeAll(async () => {
  server = createServer((request, response) => {
    const url = request.url ?? '/';
    seen.push({ url, headers: request.headers });
    if (url === '/page') return response.end('<p>Hello</p>');
    if (url.startsWith('/hop/')) {
      const n = Number(url.slice(5));
      return response.writeHead(302, { location: n > 0 ? `/hop/${n - 1}` : '/page' }).end();
    }
    if (url === '/big') {
      response.write('x'.repeat(MAX_PAGE_BYTES + 10));
      return response.end('<b>the end</b>');
    }
    if (url === '/slow') return; // never answers
    response.writeHead(404).end('no');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

describe('fetchPage', () => {
  it('loads a page with a plain GET, saying who asks', async () => {
    const page = await fetchPage(new URL(`${base}/page`), open);
    expect(page).toMatchObject({ status: 200, body: '<p>Hello</p>', truncated: false });
    expect(page.url.href).toBe(`${base}/page`);
    expect(seen.at(-1)?.headers).toMatchObject({ 'user-agent': 'test' });
    expect(seen.at(-1)?.headers.cookie).toBeUndefined();
  });

  it(`follows up to ${MAX_REDIRECTS} redirects and tells where it ended`, async () => {
    const page = await fetchPage(new URL(`${base}/hop/${MAX_REDIRECTS - 1}`), open);
    expect(page.url.href).toBe(`${base}/page`);
    await expect(fetchPage(new URL(`${base}/hop/${MAX_REDIRECTS}`), open)).rejects.toMatchObject({
      code: 'unreachable',
      message: expect.stringContaining('redirects more than'),
    });
  });

  it('reads the first megabyte only', async () => {
    const page = await fetchPage(new URL(`${base}/big`), open);
    expect(page.truncated).toBe(true);
    expect(page.body.length).toBe(MAX_PAGE_BYTES);
    expect(page.body).not.toContain('the end');
  });

  it('gives up on a page that does not answer in time', async () => {
    await expect(
      fetchPage(new URL(`${base}/slow`), { ...open, timeoutMs: 200 }),
    ).rejects.toMatchObject({
      code: 'unreachable',
      message: expect.stringMatching(/within 0.2 s/),
    });
  });

  it('says when a site cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((done) => closed.close(done));
    await expect(fetchPage(new URL(`http://127.0.0.1:${port}/`), open)).rejects.toMatchObject({
      code: 'unreachable',
      message: `127.0.0.1:${port} refused the connection.`,
    });
  });

  it.each([
    ['a loopback address', (port: string) => `http://127.0.0.1:${port}/page`],
    ['a name resolving to loopback', (port: string) => `http://localhost:${port}/page`],
    ['IPv4 mapped into IPv6', (port: string) => `http://[::ffff:127.0.0.1]:${port}/page`],
    ['IPv6 loopback', (port: string) => `http://[::1]:${port}/page`],
  ])('refuses %s unless private addresses are allowed', async (_, url) => {
    const port = new URL(base).port;
    const before = seen.length;
    await expect(fetchPage(new URL(url(port)), fenced)).rejects.toMatchObject({
      code: 'private_address',
    });
    // Refused before any request reached the server.
    expect(seen.length).toBe(before);
  });

  it('refuses other schemes and credentials in the address', async () => {
    for (const url of ['ftp://shop.example/', 'file:///etc/passwd', `http://a:b@127.0.0.1/`]) {
      await expect(fetchPage(new URL(url), open)).rejects.toMatchObject({ code: 'not_http' });
    }
  });
});

describe('isPublicAddress', () => {
  it.each(['93.184.215.14', '8.8.8.8', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'])(
    'lets %s through',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fc00::1',
    'fe80::1',
    '::ffff:10.0.0.1',
    'not an address',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });
});
