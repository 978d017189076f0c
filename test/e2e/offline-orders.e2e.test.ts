/**
 * Offline orders in Chromium against the real platform and its own order endpoint:
 * the browser goes offline, the visitor submits, the order is kept in the browser; it survives a
 * reload and reaches the platform exactly once, under the key it was kept with, when the browser
 * is back online.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWidget, type Stage, startStage, visit } from './harness.ts';

let stage: Stage;
beforeAll(async () => {
  stage = await startStage();
});
afterAll(() => stage?.stop());

const OUTBOX = 'frontdesk:callback:outbox:demo-callback';

/** The idempotency keys of the order POSTs the context sent (answered or not). */
function orderPosts(context: BrowserContext): string[] {
  const keys: string[] = [];
  context.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/callbacks')) {
      keys.push(request.headers()['idempotency-key'] ?? '');
    }
  });
  return keys;
}

/** What the page keeps offline: the kept orders' keys. */
const keptKeys = (page: Page) =>
  page.evaluate(
    (name) =>
      (JSON.parse(localStorage.getItem(name) ?? '[]') as { key: string }[]).map((o) => o.key),
    OUTBOX,
  );

/** The platform's open orders of the demo account for `phone`. */
async function ordersFor(phone: string) {
  const store = stage.platform.platform.store;
  const widget = await store.widgets.byKey('demo-callback');
  const open = await store.orders.open(widget?.accountId ?? '', 100);
  return open.filter((order) => order.phone === phone);
}

/** Submits "call me now" for `national` while the browser is offline; the kept order's key. */
async function submitOffline(context: BrowserContext, page: Page, national: string) {
  await openWidget(page);
  await page.locator('frontdesk-callback #fd-phone').fill(national);
  // The number's checker comes as the visitor types (its own chunk): read before the network goes.
  await page
    .locator('frontdesk-callback #fd-phone-msg', { hasText: 'Номер введён верно.' })
    .waitFor();
  await context.setOffline(true);
  await page.locator('frontdesk-callback .send').click();
  await page.locator('frontdesk-callback .done p', { hasText: 'Нет связи с интернетом' }).waitFor();
  const keys = await keptKeys(page);
  expect(keys).toHaveLength(1);
  return keys[0] as string;
}

describe('an order placed offline', () => {
  it('survives a reload and reaches the platform once when the browser is back online', async () => {
    const v = await visit(stage, '/callback.html');
    const posts = orderPosts(v.context);
    const key = await submitOffline(v.context, v.page, '9123400001');
    expect(posts).toEqual([]);
    expect(await ordersFor('+79123400001')).toEqual([]);

    // Reloading while still offline: the page cannot load, the order stays kept.
    await expect(v.page.reload()).rejects.toThrow();
    await v.context.setOffline(false);
    await v.page.goto(`${stage.site}/callback.html`);
    await expect.poll(() => ordersFor('+79123400001')).toHaveLength(1);
    await expect.poll(() => keptKeys(v.page)).toEqual([]);
    // Every attempt (the browser's request events may miss one across the error page) used the
    // kept key, and the platform holds that key's order.
    expect(posts.filter((k) => k !== key)).toEqual([]);
    const widget = await stage.platform.platform.store.widgets.byKey('demo-callback');
    expect(
      (await stage.platform.platform.store.orders.byIdempotencyKey(widget?.id ?? '', key))?.order
        .phone,
    ).toBe('+79123400001');

    // Later pages send nothing again.
    const sent = posts.length;
    await v.page.reload();
    await v.page.waitForLoadState('networkidle');
    await v.page.waitForTimeout(300);
    expect(posts).toHaveLength(sent);
    expect(await ordersFor('+79123400001')).toHaveLength(1);
    expect(v.pageErrors).toEqual([]);
    await v.context.close();
  });

  it('goes out on the `online` event while the page stays open, once', async () => {
    const v = await visit(stage, '/callback.html');
    const posts = orderPosts(v.context);
    const submitted: unknown[] = [];
    await v.page.exposeFunction('recordSubmitted', (detail: unknown) => submitted.push(detail));
    await v.page.evaluate(() => {
      const api = (window as unknown as { Frontdesk: (...args: unknown[]) => void }).Frontdesk;
      const record = (window as unknown as { recordSubmitted: (d: unknown) => void })
        .recordSubmitted;
      api('on', 'callback:submitted', record);
    });
    const key = await submitOffline(v.context, v.page, '9123400002');
    await v.context.setOffline(false);
    await expect.poll(() => ordersFor('+79123400002')).toHaveLength(1);
    await expect.poll(() => keptKeys(v.page)).toEqual([]);
    await expect.poll(() => submitted.length).toBe(1);
    await expect.poll(() => posts).toEqual([key]);
    // Offline and online again: nothing left to send.
    await v.context.setOffline(true);
    await v.context.setOffline(false);
    await v.page.waitForTimeout(500);
    expect(posts).toEqual([key]);
    await v.context.close();
  });
});
