/**
 * The Studio's "test on my site": the platform loads a page of the owner's site (a local server
 * here) and says whether the widget's snippet is on it and whether its origin may run the widget.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultSettings } from '@frontdesk/config';
import { openAttribute, snippet } from '@frontdesk/loader';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedOnPage } from '../../src/widgets/admin-site-check';
import { engines, type TestDatabase } from '../support/databases';
import { startPlatform, type TestPlatform } from '../support/platform';

/** The owner's site: pages with and without the code, a redirect, a missing page. */
function ownersSite(pages: () => Record<string, string>): Server {
  return createServer((request, response) => {
    const url = request.url ?? '/';
    if (url === '/old') return void response.writeHead(301, { location: '/shop' }).end();
    const page = pages()[url];
    if (page === undefined) return void response.writeHead(404).end('Not found');
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  });
}

const html = (body: string) => `<!doctype html><html><body><h1>Shop</h1>${body}</body></html>`;

describe.each(engines)('site check on $name', (engine) => {
  let database: TestDatabase;
  let fencedDatabase: TestDatabase;
  let t: TestPlatform;
  /** The same platform's twin without SITE_CHECK_PRIVATE, as in production. */
  let fenced: TestPlatform;
  let site: Server;
  let siteUrl: string;
  let widget: { id: string; key: string };
  let other: { key: string };

  beforeAll(async () => {
    database = await engine.open();
    t = await startPlatform(database, { env: { SITE_CHECK_PRIVATE: '1' } });
    fencedDatabase = await engine.open();
    fenced = await startPlatform(fencedDatabase);
    site = ownersSite(() => ({
      '/shop': html(snippet({ baseUrl: t.url, widget: widget.key, format: 'button' })),
      '/link': html(
        `<a href="#" ${openAttribute(widget.key)}>Call</a>${snippet({ baseUrl: t.url, widget: widget.key, format: 'link' }).replace(`Frontdesk('init', {"widget":"${widget.key}","launcher":"link"});`, '')}`,
      ),
      '/other': html(snippet({ baseUrl: t.url, widget: other.key, format: 'button' })),
      '/elsewhere': html(
        snippet({ baseUrl: 'https://frontdesk.example', widget: widget.key, format: 'button' }),
      ),
      '/plain': html('<p>No code here.</p>'),
    }));
    await new Promise<void>((done) => site.listen(0, '127.0.0.1', done));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    const make = (allowedOrigins: string[]) =>
      t.platform.store.widgets.create({
        accountId: t.accountId,
        type: 'chat',
        name: 'Shop chat',
        settings: { ...defaultSettings('chat'), allowedOrigins },
        now: t.clock().getTime(),
      });
    widget = await make([siteUrl]);
    other = await make([]);
  });
  afterAll(async () => {
    if (site) await new Promise((done) => site.close(done));
    await fenced?.close();
    await fencedDatabase?.drop();
    await t?.close();
    await database?.drop();
  });

  const sessions = new Map<TestPlatform, ReturnType<TestPlatform['signIn']>>();
  const check = async (platform: TestPlatform, url: string, id?: string) => {
    const signingIn = sessions.get(platform) ?? platform.signIn('marketer');
    sessions.set(platform, signingIn);
    const marketer = await signingIn;
    const widgetId = id ?? (platform === t ? widget.id : (await created(platform, [siteUrl])).id);
    return marketer(`/v1/admin/widgets/${widgetId}/site-check`, {
      method: 'POST',
      body: JSON.stringify({ url }),
    });
  };

  it('finds the snippet on an allowed page', async () => {
    const response = await check(t, `${siteUrl}/shop`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      url: `${siteUrl}/shop`,
      origin: siteUrl,
      loader: true,
      widget: true,
      originAllowed: true,
      truncated: false,
    });
  });

  it('follows a redirect, and reads the address without a scheme', async () => {
    const response = await check(t, `${siteUrl.replace('http://', '')}/old`);
    expect(await response.json()).toMatchObject({ url: `${siteUrl}/shop`, widget: true });
  });

  it('tells a page without the code, with another widget, or with another platform', async () => {
    expect(await (await check(t, `${siteUrl}/plain`)).json()).toMatchObject({
      loader: false,
      widget: false,
    });
    expect(await (await check(t, `${siteUrl}/other`)).json()).toMatchObject({
      loader: true,
      widget: false,
    });
    expect(await (await check(t, `${siteUrl}/elsewhere`)).json()).toMatchObject({
      loader: false,
      widget: true,
    });
  });

  it('finds a link code by its attribute', async () => {
    expect(await (await check(t, `${siteUrl}/link`)).json()).toMatchObject({
      loader: true,
      widget: true,
    });
  });

  it('says when the page is on a site the widget may not run on', async () => {
    const response = await check(t, `${siteUrl}/other`, (await created(t, [])).id);
    expect(await response.json()).toMatchObject({ origin: siteUrl, originAllowed: false });
  });

  it('names the field for a page that is missing, unreachable or no address at all', async () => {
    const missing = await check(t, `${siteUrl}/nothing`);
    expect(missing.status).toBe(502);
    expect((await missing.json()).error).toEqual({
      code: 'page_error',
      field: 'url',
      message: `${siteUrl}/nothing answered 404.`,
    });
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((done) => closed.close(done));
    const unreachable = await check(t, `http://127.0.0.1:${port}/`);
    expect(unreachable.status).toBe(502);
    expect((await unreachable.json()).error).toMatchObject({ code: 'unreachable', field: 'url' });
    for (const url of ['not a site', 'ftp://shop.example/', '']) {
      const bad = await check(t, url);
      expect(bad.status).toBe(400);
      expect((await bad.json()).error).toMatchObject({ code: 'invalid', field: 'url' });
    }
  });

  it('refuses loopback and private addresses when the platform is not in test or demo mode', async () => {
    for (const url of [`${siteUrl}/shop`, 'http://localhost/', 'http://169.254.169.254/']) {
      const response = await check(fenced, url);
      expect(response.status).toBe(400);
      expect((await response.json()).error).toMatchObject({
        code: 'private_address',
        field: 'url',
      });
    }
  });

  it('is for editors of the account only', async () => {
    const operator = await t.signIn('operator');
    const asOperator = await operator(`/v1/admin/widgets/${widget.id}/site-check`, {
      method: 'POST',
      body: JSON.stringify({ url: `${siteUrl}/shop` }),
    });
    expect(asOperator.status).toBe(403);
    const account = await t.platform.store.accounts.create({
      name: 'Other',
      sipDomain: 'vpbx1000009.sip.test',
    });
    const foreign = await t.platform.store.widgets.create({
      accountId: account.id,
      type: 'chat',
      name: 'Not yours',
      settings: defaultSettings('chat'),
      now: t.clock().getTime(),
    });
    expect((await check(t, `${siteUrl}/shop`, foreign.id)).status).toBe(404);
  });
});

/** Another chat widget of the test account. */
function created(t: TestPlatform, allowedOrigins: string[]) {
  return t.platform.store.widgets.create({
    accountId: t.accountId,
    type: 'chat',
    name: 'Another',
    settings: { ...defaultSettings('chat'), allowedOrigins },
    now: t.clock().getTime(),
  });
}

describe('embedOnPage', () => {
  const loader = 'https://fd.example/v1/loader.js';
  it.each([
    ['the JSON init', `Frontdesk('init', {"widget":"shop-1","launcher":"button"});`],
    ['a hand-written init', `Frontdesk('init', { widget: 'shop-1' });`],
    ['the script tag', `<script src="${loader}" data-widget="shop-1"></script>`],
    ['the link attribute', '<a data-frontdesk-open="shop-1">Call us</a>'],
  ])('finds %s', (_, page) => {
    expect(embedOnPage(page, loader, 'shop-1').widget).toBe(true);
  });

  it.each([
    ['a longer key', `{"widget":"shop-12"}`],
    ['a key in a longer attribute value', '<a data-frontdesk-open="shop-1x">'],
    ['the key as plain text', '<p>shop-1</p>'],
  ])('does not mistake %s for it', (_, page) => {
    expect(embedOnPage(page, loader, 'shop-1').widget).toBe(false);
  });
});
