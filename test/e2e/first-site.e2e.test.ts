/**
 * A site owner's first hour: a widget created in the Studio for the owner's own site (an origin
 * of its own, apart from the platform and the demo site), its code copied from the Embed code tab
 * and pasted there — the widget shows the first time; the Studio's "test on my site" finds the
 * code on that page; a page on a site the widget may not run on gets one clear line in its
 * console from the loader, and no CORS error. Every Studio screen on the way passes axe.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { type Stage, signInToStudio, startStage } from './harness.ts';

/** A site serving whatever HTML the test puts at `/`, on its own loopback address. */
async function ownSite(address: string): Promise<{ server: Server; url: string; html: string[] }> {
  const html: string[] = [];
  const server = createServer((request, response) => {
    if (request.url !== '/' || !html[0]) return void response.writeHead(404).end('Not found');
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html[0]);
  });
  await new Promise<void>((done) => server.listen(0, address, done));
  return { server, url: `http://${address}:${(server.address() as AddressInfo).port}`, html };
}

/** A page of a shop with the pasted code before `</body>`. */
const shopPage = (code: string) =>
  `<!doctype html><html lang="en"><head><title>Shop</title><link rel="icon" href="data:,"></head><body><main><h1>Our shop</h1></main>${code}</body></html>`;

let stage: Stage;
let owner: Awaited<ReturnType<typeof ownSite>>;
let foreign: Awaited<ReturnType<typeof ownSite>>;
beforeAll(async () => {
  // The owner's site is on loopback, as the demo's: let the site check load it.
  stage = await startStage(new Date(), { env: { SITE_CHECK_PRIVATE: '1' } });
  owner = await ownSite('127.0.0.2');
  foreign = await ownSite('127.0.0.3');
});
afterAll(async () => {
  await stage?.stop();
  for (const site of [owner, foreign]) {
    if (site) await new Promise((done) => site.server.close(done));
  }
});

/** A visitor's fresh page at `url`, with everything its console says. */
async function visitor(url: string): Promise<{ page: Page; messages: ConsoleMessage[] }> {
  const context = await stage.browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  const messages: ConsoleMessage[] = [];
  page.on('console', (message) => messages.push(message));
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(url);
  return { page, messages };
}

describe("a site owner's first widget", () => {
  it('is created for the site, pasted there and shows the first time; the check finds it', async () => {
    const { page: studio, pageErrors } = await signInToStudio(stage);
    await studio.getByRole('link', { name: 'Create a widget' }).click();
    await studio.getByLabel('Callback', { exact: true }).check();
    await studio.getByRole('button', { name: 'Next' }).click();
    await studio.getByLabel('I accept the terms of use').check();
    await studio.getByLabel('Widget name').fill('Owner callback');

    // The site as its owner types it: a wrong one is said so once the field is left.
    const site = studio.getByLabel("Your site's address");
    await site.fill('my shop');
    await studio.getByLabel('Widget name').focus();
    await studio.getByText(/^Give a site address like example\.com/).waitFor();
    expect(await site.getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(studio), 'create, site refused').toEqual([]);
    const hostPort = owner.url.replace('http://', '');
    await site.fill(hostPort);
    await studio.getByLabel('Widget name').focus();
    expect(await site.inputValue()).toBe(owner.url);
    await studio.getByRole('button', { name: 'Create widget' }).click();
    await studio.getByRole('heading', { name: 'Owner callback', level: 1 }).waitFor();
    const id = decodeURIComponent(new URL(studio.url()).hash.split('/')[2] ?? '');
    const widget = await stage.platform.platform.store.widgets.get(id);
    expect(widget?.settings.allowedOrigins).toEqual([owner.url]);
    const key = widget?.key ?? '';

    // The Embed code tab says where the code works; the code goes on the owner's page.
    await studio.getByRole('link', { name: 'Embed code', exact: true }).click();
    const sites = studio.getByRole('region', { name: 'Sites where the widget may run' });
    expect(await sites.getByRole('listitem').allTextContents()).toEqual([owner.url]);
    expect(await sites.locator('.warning').count()).toBe(0);
    const code = await studio.locator('textarea[data-format="button"]').inputValue();
    owner.html[0] = shopPage(code);
    foreign.html[0] = shopPage(code);

    // "Test on my site": the platform loads the page, finds the code, and the site may run it.
    const address = studio.getByLabel('Address of a page with the code');
    await address.fill(`${hostPort}/`);
    await studio.getByRole('button', { name: 'Check the page' }).click();
    const result = studio.getByRole('status').filter({ hasText: 'sites where the widget may run' });
    await result.getByText(`The code of this widget is on ${owner.url}/.`).waitFor();
    await result.getByText(`${owner.url} is one of the sites where the widget may run.`).waitFor();
    expect(await axeViolations(studio), 'embed code, check done').toEqual([]);
    // A page of another site with the code: found, but that site may not run the widget.
    await address.fill(`${foreign.url}/`);
    await studio.getByRole('button', { name: 'Check the page' }).click();
    await result
      .getByText(`${foreign.url} is not among the sites where the widget may run`, {
        exact: false,
      })
      .waitFor();
    expect(pageErrors).toEqual([]);

    // The visitor of the owner's site sees the widget the first time, and nothing goes wrong.
    const shop = await visitor(`${owner.url}/`);
    await shop.page.locator('frontdesk-callback .launcher').waitFor();
    await shop.page.waitForLoadState('networkidle');
    expect(shop.messages.filter((m) => m.type() === 'error').map((m) => m.text())).toEqual([]);

    // On the other site: one plain line that says what to do, and no CORS failure.
    const elsewhere = await visitor(`${foreign.url}/`);
    const line = `Frontdesk: widget ${key} is not allowed on ${foreign.url} — add it in the Studio: the widget's Settings → Sites where the widget may run`;
    await expect
      .poll(() => elsewhere.messages.filter((m) => m.text().startsWith('Frontdesk')).length)
      .toBe(1);
    await elsewhere.page.waitForLoadState('networkidle');
    const texts = elsewhere.messages.map((m) => m.text());
    expect(texts.filter((text) => text.startsWith('Frontdesk'))).toEqual([line]);
    expect(texts.filter((text) => /CORS|Failed to fetch/i.test(text))).toEqual([]);
    expect(await elsewhere.page.locator('frontdesk-callback').count()).toBe(0);
  });
});
