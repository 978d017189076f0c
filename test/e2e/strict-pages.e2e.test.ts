/**
 * The widget on the hardest pages a site can have: a strict Content-Security-Policy, global CSS
 * that resets and hides everything, and the platform's own strict Test-widget page. It must
 * render, look the same (committed reference screenshots) and work, with zero CSP violations.
 */
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../packages/platform/src/context';
import { registerTestPage } from '../../packages/platform/src/widgets/test-page';
import type { OpsClient } from '../../packages/platform/test/support/ops-client.ts';
import {
  demoOperatorOnline,
  dialog,
  expectScreenshot,
  launcher,
  openWidget,
  type Stage,
  settled,
  startStage,
  storedOrders,
  type Visit,
  visit,
} from './harness.ts';

/** Wednesday 4 March 2026, 10:00 in Moscow: pictures need a fixed clock. */
const FIXED = new Date('2026-03-04T07:00:00Z');

let stage: Stage;
/** Someone of "Sales" is online: the demo callback shows its working look, as pictured. */
let operator: OpsClient;
beforeAll(async () => {
  stage = await startStage(FIXED);
  operator = await demoOperatorOnline(stage);
});
afterAll(async () => {
  operator?.socket.close();
  await stage?.stop();
});
beforeEach(() => stage.clock.set(FIXED.toISOString()));

const still = { fixedTime: FIXED, reducedMotion: 'reduce' } as const;

/** Orders the first slot of the open widget on `v` and waits for the confirmation. */
async function orderFirstSlot(v: Visit) {
  await v.page.locator('frontdesk-callback #fd-phone').fill('912 345 67 89');
  const first = await v.page
    .locator('frontdesk-callback #fd-when optgroup option')
    .first()
    .getAttribute('value');
  await v.page.locator('frontdesk-callback #fd-when').selectOption(first ?? '');
  await v.page.locator('frontdesk-callback .send').click();
  await v.page.locator('frontdesk-callback .done').waitFor();
  expect((await storedOrders(stage, v)).map((order) => order.slot)).toEqual([
    Date.parse(first ?? ''),
  ]);
}

/** The computed look of the launcher and the dialog's main parts. */
function widgetLook(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('frontdesk-callback')?.shadowRoot;
    const pick = (selector: string) => {
      const element = root?.querySelector(selector);
      if (!element) return null;
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      return {
        box: [box.x, box.y, box.width, box.height].map(Math.round),
        background: style.backgroundColor,
        color: style.color,
        font: `${style.fontSize} ${style.fontFamily}`,
      };
    };
    return {
      launcher: pick('.launcher'),
      dialog: pick('.dialog'),
      head: pick('.head'),
      phone: pick('#fd-phone'),
    };
  });
}

describe('a page with a strict Content-Security-Policy', () => {
  it('is served with the policy and a fresh nonce on each request', async () => {
    const first = await fetch(`${stage.site}/strict-csp.html`);
    const second = await fetch(`${stage.site}/strict-csp.html`);
    const policy = first.headers.get('content-security-policy') ?? '';
    expect(policy).toMatch(
      new RegExp(
        `^default-src 'self'; script-src 'self' 'nonce-[\\w+/=]+'; style-src 'self'; connect-src ${stage.platform.url}`,
      ),
    );
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    const html = await first.text();
    expect(html.match(/nonce="([^"]+)"/g)).toEqual([`nonce="${nonce}"`, `nonce="${nonce}"`]);
    expect(second.headers.get('content-security-policy')).not.toBe(policy);
  });

  it('shows and runs the widget with zero violations, looking as it should', async () => {
    const v = await visit(stage, '/strict-csp.html', still);
    await openWidget(v.page);
    await expectScreenshot(
      stage.browser,
      'strict-csp-open',
      await v.page.screenshot({ animations: 'disabled' }),
    );
    await orderFirstSlot(v);
    expect(await v.violations()).toEqual([]);
    expect(v.consoleErrors).toEqual([]);
    expect(v.pageErrors).toEqual([]);
    await v.context.close();
  });
});

describe('a page with hostile global CSS', () => {
  it('cannot touch the widget: same look as on a plain page, and it works', async () => {
    const plain = await visit(stage, '/callback.html', still);
    const hostile = await visit(stage, '/hostile.html', still);
    for (const v of [plain, hostile]) await openWidget(v.page);
    const look = await widgetLook(hostile.page);
    expect(look).toEqual(await widgetLook(plain.page));
    expect(look.launcher).toMatchObject({
      background: 'rgb(37, 99, 235)',
      color: 'rgb(255, 255, 255)',
    });
    expect(look.phone?.font).toMatch(/^16px /);
    // The dialog itself, pixel for pixel as on the plain page.
    const picture = await dialog(hostile.page).screenshot({ animations: 'disabled' });
    await expectScreenshot(
      stage.browser,
      'dialog',
      await dialog(plain.page).screenshot({ animations: 'disabled' }),
    );
    await expectScreenshot(stage.browser, 'dialog', picture);
    await expectScreenshot(
      stage.browser,
      'hostile-css-open',
      await hostile.page.screenshot({ animations: 'disabled' }),
    );
    await orderFirstSlot(hostile);
    expect(await hostile.violations()).toEqual([]);
    expect(hostile.consoleErrors).toEqual([]);
    await plain.context.close();
    await hostile.context.close();
  });
});

describe('the platform’s Test-widget page', () => {
  /** `GET /test/:key` on a Fastify app of its own (app.ts wires it into the platform). */
  async function testPageServer() {
    const require = createRequire(
      resolve(import.meta.dirname, '../../packages/platform/package.json'),
    );
    const fastify = require('fastify') as (
      options?: object,
    ) => Parameters<typeof registerTestPage>[0];
    const app = fastify();
    const ctx = {
      store: stage.platform.platform.store,
      env: { publicUrl: stage.platform.url },
    } as AppContext;
    registerTestPage(app, ctx);
    await app.listen({ port: 0, host: '127.0.0.1' });
    return {
      url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
      close: () => app.close(),
    };
  }

  it('shows the widget alone and open, under a strict policy, with zero violations', async () => {
    const server = await testPageServer();
    try {
      const missing = await fetch(`${server.url}/test/no-such-widget`);
      expect(missing.status).toBe(404);

      const context = await stage.browser.newContext();
      await context.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { __violations: string[] }).__violations = seen;
        document.addEventListener('securitypolicyviolation', (event) =>
          seen.push(event.violatedDirective),
        );
      });
      const page = await context.newPage();
      await page.clock.setFixedTime(FIXED);
      const response = await page.goto(`${server.url}/test/demo-callback`);
      expect(response?.headers()['content-security-policy']).toMatch(
        /^default-src 'none'; script-src 'self' 'nonce-/,
      );
      await settled(page);
      expect(await launcher(page).count()).toBe(1);
      expect(await page.locator('h1').textContent()).toBe('Demo callback');
      expect(
        await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
      ).toEqual([]);
      await context.close();
    } finally {
      await server.close();
    }
  });
});
