/**
 * The whole callback journey, visitor to operators: a visitor orders "call me now" on the demo
 * page through the real order endpoint, two operators signed in to the console in separate
 * browser contexts see it ring, one accepts with the keyboard, the other sees it taken, the first
 * closes it as done with a note.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { openWidget, type Stage, signInToConsole as signIn, startStage } from './harness.ts';

let stage: Stage;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  stage = await startStage();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await stage?.stop();
});

/** A console signed in as `email` (demo password), typed in with the keyboard. */
async function signInToConsole(email: string): Promise<Page> {
  const { page } = await signIn(stage, email);
  contexts.push(page.context());
  return page;
}

/** Presses Tab until the focused element has the accessible name `name` (at most 40 times). */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
    if (focused === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

describe('operator console', () => {
  it('rings both operators of the group, lets one take the order and close it', async () => {
    const oleg = await signInToConsole('operator@demo.test');
    const olga = await signInToConsole('operator2@demo.test');
    // Both see each other online.
    for (const page of [oleg, olga]) {
      await page.getByRole('region', { name: 'Online' }).getByText('Olga Operator').waitFor();
      await page.getByRole('region', { name: 'Online' }).getByText('Oleg Operator').waitFor();
    }
    expect(await axeViolations(oleg)).toEqual([]);

    // The visitor orders "call me now" on the demo's plain callback page, through the real endpoint.
    const visitor = await stage.browser.newContext({
      locale: 'ru-RU',
      timezoneId: 'Asia/Yekaterinburg',
    });
    contexts.push(visitor);
    const page = await visitor.newPage();
    await page.goto(`${stage.site}/callback.html`);
    await openWidget(page);
    await page.locator('frontdesk-callback #fd-phone').fill('912 345-67-89');
    await page.getByRole('button', { name: 'Позвоните мне сейчас' }).click();
    await page.locator('frontdesk-callback .done').waitFor();
    await stage.platform.platform.workers.runDue();

    // It rings in both consoles, with the visitor's page and local time.
    for (const console of [oleg, olga]) {
      const card = console.getByRole('listitem').filter({ hasText: '+79123456789' });
      await card.getByText('Ringing').waitFor();
      await card.getByText('(Asia/Yekaterinburg)').waitFor();
    }
    expect(await axeViolations(olga)).toEqual([]);

    // Oleg accepts with the keyboard; focus moves to the note; Olga sees it taken.
    await tabTo(oleg, 'Accept');
    await oleg.keyboard.press('Enter');
    await oleg.getByLabel('Note').waitFor();
    await oleg.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
    await olga.getByText('Taken by Oleg Operator.').waitFor();
    expect(await olga.getByRole('button', { name: 'Accept' }).count()).toBe(0);

    await oleg.keyboard.type('Called back, all good');
    await oleg.keyboard.press('Tab');
    expect(await oleg.evaluate(() => document.activeElement?.textContent)).toBe('Done');
    await oleg.keyboard.press('Enter');
    await oleg.getByText('Note: Called back, all good').waitFor();

    const history = await stage.platform.platform.store.orders.open(
      (await stage.platform.platform.store.widgets.byKey('demo-callback'))?.accountId ?? '',
      10,
    );
    expect(history.find((order) => order.phone === '+79123456789')).toBeUndefined();
  });
});
