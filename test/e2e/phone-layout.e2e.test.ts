/**
 * The widgets' layout as visitors meet it on the demo site: on a 390×844 phone the launchers
 * are icons (named by their texts still) and every dialog fits the screen, scrolling inside;
 * on a desktop every popup fits the window, wherever its link sits; opening one widget closes
 * another's dialog; axe finds nothing to fix on the phone.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOBODY_TEXTS } from '../../packages/config/src/index.ts';
import { axeViolations } from './axe.ts';
import { type Stage, startStage, type VisitOptions, visit } from './harness.ts';

let stage: Stage;
beforeAll(async () => {
  stage = await startStage();
});
afterAll(() => stage?.stop());

const PHONE: VisitOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
};

const host = (page: Page, type: string) => page.locator(`frontdesk-${type}`);

/** The box of `locator` once its dialog has finished moving in. */
async function settledBox(locator: Locator) {
  await locator.waitFor();
  await locator.evaluate((element) =>
    Promise.all(element.getAnimations().map((animation) => animation.finished)),
  );
  const box = await locator.boundingBox();
  if (!box) throw new Error('no box');
  return box;
}

/** Expects `locator`'s box inside the page's viewport, whole. */
async function expectInViewport(page: Page, locator: Locator, what: string) {
  const box = await settledBox(locator);
  const { width, height } = page.viewportSize() ?? { width: 0, height: 0 };
  expect(box.x, `${what}: left`).toBeGreaterThanOrEqual(0);
  expect(box.y, `${what}: top`).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width, `${what}: right`).toBeLessThanOrEqual(width + 0.5);
  expect(box.y + box.height, `${what}: bottom`).toBeLessThanOrEqual(height + 0.5);
}

/** Each widget of the page: how it is opened, its dialog. */
function widgets(page: Page) {
  return [
    { type: 'chat', open: () => host(page, 'chat').locator('.launcher').click() },
    { type: 'callback', open: () => host(page, 'callback').locator('.launcher').click() },
    {
      type: 'call',
      open: () => page.locator('a[data-frontdesk-open="demo-call"]').first().click(),
    },
  ].map((w) => ({ ...w, dialog: host(page, w.type).locator('[role=dialog]') }));
}

describe('on a 390×844 phone', () => {
  // Nobody online: the launchers' "nobody available" texts name them.
  const names = NOBODY_TEXTS;
  it.each([
    { path: '/en.html', chat: names.chat.buttonText.en, callback: names.callback.buttonText.en },
    { path: '/index.html', chat: names.chat.buttonText.ru, callback: names.callback.buttonText.ru },
  ])('$path: the launchers are icons, named by their texts', async ({ path, chat, callback }) => {
    const v = await visit(stage, path, PHONE);
    const button = v.page.getByRole('button', { name: chat });
    const tab = v.page.getByRole('button', { name: callback });
    const buttonBox = await settledBox(button);
    const tabBox = await settledBox(tab);
    expect(buttonBox.width).toBeLessThanOrEqual(56);
    expect(buttonBox.height).toBeLessThanOrEqual(56);
    // The edge tab is icon-sized: it covers no line of the page's text.
    expect(tabBox.width).toBeLessThanOrEqual(44);
    expect(tabBox.height).toBeLessThanOrEqual(44);
    for (const launcher of [button, tab]) {
      expect(await launcher.locator('svg').isVisible()).toBe(true);
      expect(await launcher.locator('.name').boundingBox()).toMatchObject({ width: 1, height: 1 });
    }
    await v.context.close();
  });

  it.each(['/en.html', '/index.html'])(
    '%s: every dialog fits the screen, and axe finds nothing to fix',
    async (path) => {
      const v = await visit(stage, path, PHONE);
      for (const widget of widgets(v.page)) {
        await widget.open();
        await expectInViewport(v.page, widget.dialog, widget.type);
        // What does not fit scrolls inside the dialog, not past the screen.
        const scrolls = await widget.dialog.evaluate(
          (dialog) => getComputedStyle(dialog).overflowY,
        );
        expect(scrolls, widget.type).toBe('auto');
        expect(await axeViolations(v.page, [`frontdesk-${widget.type}`]), widget.type).toEqual([]);
        await v.page.keyboard.press('Escape');
        await widget.dialog.waitFor({ state: 'detached' });
      }
      expect(v.pageErrors).toEqual([]);
      await v.context.close();
    },
  );
});

describe('on a desktop', () => {
  it('the call popup of the English page fits the window, below its link or moved up', async () => {
    const v = await visit(stage, '/en.html', { viewport: { width: 1280, height: 800 } });
    const [, , call] = widgets(v.page);
    await call?.open();
    if (call) await expectInViewport(v.page, call.dialog, 'call');
    await v.context.close();
  });

  it('opening one widget closes the dialog another has open', async () => {
    const v = await visit(stage, '/en.html', { viewport: { width: 1280, height: 800 } });
    const [chat, callback, call] = widgets(v.page);
    if (!chat || !callback || !call) throw new Error('three widgets expected');
    await chat.open();
    await chat.dialog.waitFor();
    // The site's own link to the call widget: the chat's window gives way.
    await call.open();
    await call.dialog.waitFor();
    await chat.dialog.waitFor({ state: 'detached' });
    // Through the page API too.
    await v.page.evaluate(() =>
      (window as unknown as { Frontdesk(...args: unknown[]): void }).Frontdesk(
        'open',
        'demo-callback',
      ),
    );
    await callback.dialog.waitFor();
    await call.dialog.waitFor({ state: 'detached' });
    expect(await host(v.page, 'chat').locator('.launcher').getAttribute('aria-expanded')).toBe(
      'false',
    );
    await v.context.close();
  });
});
