/**
 * The demo site as a visitor sees it: every page shows the widgets its snippets embed and throws
 * nothing; the shop's client-side navigation keeps the very same widgets, open and filled in,
 * forward and back; the English and the Russian page speak their language.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { texts as callEn } from '../../packages/call/src/texts-en.ts';
import { texts as callRu } from '../../packages/call/src/texts-ru.ts';
import { texts as callbackEn } from '../../packages/callback/src/texts-en.ts';
import { texts as callbackRu } from '../../packages/callback/src/texts-ru.ts';
import type { OpsClient } from '../../packages/platform/test/support/ops-client.ts';
import { demoOperatorOnline, type Stage, startStage, visit } from './harness.ts';

const demo = resolve(import.meta.dirname, '../../demo');
const SNIPPET = /<!-- frontdesk:snippet ([\w-]+) (button|link|label) -->/g;
/** Every page of the site, read from the folder so a new page is covered the day it is added. */
const pages = readdirSync(demo)
  .filter((file) => file.endsWith('.html'))
  .map((file) => ({
    path: `/${file}`,
    snippets: [...readFileSync(resolve(demo, file), 'utf8').matchAll(SNIPPET)].map(
      ([, key, format]) => ({ key: key ?? '', format }),
    ),
  }));

let stage: Stage;
/** Widget type by seeded key. */
const types = new Map<string, string>();

/** Someone of "Sales" is online: the demo call widget offers its call (and its explanation). */
let operator: OpsClient;

beforeAll(async () => {
  stage = await startStage();
  operator = await demoOperatorOnline(stage);
  const store = stage.platform.platform.store;
  for (const key of new Set(pages.flatMap((page) => page.snippets.map((s) => s.key)))) {
    const widget = await store.widgets.byKey(key);
    if (!widget) throw new Error(`the demo pages embed "${key}", which the seed does not create`);
    types.set(key, widget.type);
  }
});
afterAll(async () => {
  operator?.socket.close();
  await stage?.stop();
});

const host = (page: Page, key: string) =>
  page.locator(`frontdesk-${types.get(key)}[data-widget="${key}"]`);

describe('every page of the demo site', () => {
  it.each(pages)('$path shows its widgets and throws nothing', async ({ path, snippets }) => {
    expect(snippets.length).toBeGreaterThan(0);
    const v = await visit(stage, path);
    for (const { key, format } of snippets) {
      await host(v.page, key).waitFor({ state: 'attached' });
      if (format !== 'link') await host(v.page, key).locator('.launcher').waitFor();
    }
    await v.page.waitForLoadState('networkidle');
    expect(await v.page.locator('.site-header nav a').count()).toBeGreaterThan(5);
    expect(v.pageErrors).toEqual([]);
    expect(v.consoleErrors).toEqual([]);
    await v.context.close();
  });
});

describe('the shop: client-side navigation', () => {
  it('keeps the same widgets, open and filled in, on the product page and back', async () => {
    const v = await visit(stage, '/');
    const { page } = v;
    for (const key of ['demo-call', 'demo-callback', 'demo-chat']) {
      await host(page, key).waitFor({ state: 'attached' });
    }
    await host(page, 'demo-callback').locator('.launcher').click();
    await host(page, 'demo-callback').locator('#fd-phone').fill('912 345 67 89');
    await page.evaluate(() => {
      (window as unknown as { __hosts: Element[] }).__hosts = [
        ...document.querySelectorAll('frontdesk-call, frontdesk-callback, frontdesk-chat'),
      ];
    });
    /** Are the page's widget elements the very ones found at the start, and only those? */
    const sameHosts = () =>
      page.evaluate(() => {
        const before = (window as unknown as { __hosts: Element[] }).__hosts;
        const now = [
          ...document.querySelectorAll('frontdesk-call, frontdesk-callback, frontdesk-chat'),
        ];
        return before.length === 3 && now.length === 3 && now.every((el, i) => el === before[i]);
      });
    const stillOpen = async () => {
      expect(await host(page, 'demo-callback').locator('[role=dialog]').isVisible()).toBe(true);
      expect(await host(page, 'demo-callback').locator('#fd-phone').inputValue()).toBe(
        '912 345 67 89',
      );
    };
    const callOpen = () => host(page, 'demo-call').locator('[role=dialog]').isVisible();

    await page.getByRole('link', { name: 'Подробнее' }).click();
    await page.getByRole('heading', { name: 'Городской велосипед «Волна»', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/product.html');
    expect(await sameHosts()).toBe(true);
    await stillOpen();
    await page.goBack();
    await page.getByRole('heading', { name: 'Велосипеды на любой вкус' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await sameHosts()).toBe(true);
    await stillOpen();
    await page.goForward();
    await page.getByRole('heading', { name: 'Городской велосипед «Волна»', level: 1 }).waitFor();
    expect(await sameHosts()).toBe(true);
    await stillOpen();
    // The product page's own link code opens the same call widget (the callback's dialog
    // gives way: one dialog at a time), which stays open back on the home page.
    await page.getByRole('link', { name: 'Спросить о «Волне» голосом' }).click();
    await host(page, 'demo-call').locator('[role=dialog]').waitFor();
    expect(await host(page, 'demo-callback').locator('[role=dialog]').count()).toBe(0);
    await page.goBack();
    await page.getByRole('heading', { name: 'Велосипеды на любой вкус' }).waitFor();
    expect(await sameHosts()).toBe(true);
    expect(await callOpen()).toBe(true);

    // One document all along: the loader was fetched and run once.
    const loaders = await page.evaluate(
      () =>
        performance
          .getEntriesByType('resource')
          .filter((entry) => new URL(entry.name).pathname === '/v1/loader.js').length,
    );
    expect(loaders).toBe(1);
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
    expect(v.pageErrors).toEqual([]);
    expect(v.consoleErrors).toEqual([]);
    await v.context.close();
  });
});

describe('a page in English and one in Russian', () => {
  it.each([
    { path: '/en.html', call: callEn.call.explain, phone: callbackEn.callback.phone },
    { path: '/ru.html', call: callRu.call.explain, phone: callbackRu.callback.phone },
  ])('$path: the widgets speak its language', async ({ path, call, phone }) => {
    // A browser in the other language: the page's own language wins.
    const v = await visit(stage, path, { locale: path === '/en.html' ? 'ru-RU' : 'en-GB' });
    await host(v.page, 'demo-callback').locator('.launcher').click();
    await host(v.page, 'demo-callback').locator('[role=dialog]').getByText(phone).waitFor();
    await v.page.locator('a[data-frontdesk-open="demo-call"]').click();
    await host(v.page, 'demo-call').locator('[role=dialog]').getByText(call).waitFor();
    expect(v.pageErrors).toEqual([]);
    expect(v.consoleErrors).toEqual([]);
    await v.context.close();
  });
});
