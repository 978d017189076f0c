/**
 * The company's memory in Chromium: an operator finds a closed callback order in the console's
 * call history (by the widget's name, after filtering), opens its record from there, downloads
 * the CSV of what the filter shows (parsed: the same rows); the visitor then chats with the same
 * phone, and the contacts screen shows one contact with both enquiries. The Studio shows the same
 * history to a marketer. An admin merges a duplicate into a contact (both orders then on its
 * timeline) and deletes it (the person erased from the orders and the history). Every screen axe
 * clean; the console's paths by keyboard.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VisitorClient } from '../../packages/platform/test/support/chat.ts';
import { axeViolations } from './axe.ts';
import { chatVisitor, focused, openConsole, orderCallback, say, tabTo } from './console-helpers.ts';
import { type Stage, signInToStudio, startStage } from './harness.ts';

let stage: Stage;
const visitors: VisitorClient[] = [];
const pages: Page[] = [];

beforeAll(async () => {
  stage = await startStage();
});
afterAll(async () => {
  for (const visitor of visitors.splice(0)) visitor.socket.close();
  for (const page of pages) await page.context().close();
  await stage?.stop();
});

const PHONE = '+79123450991';

/** RFC 4180 rows of a CSV text (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('the call history and the address book', () => {
  it('an operator finds a closed order in the history, exports it, and sees the contact’s enquiries', async () => {
    const orderId = await orderCallback(stage, { phone: PHONE, name: 'Pavel' });
    const { page, pageErrors } = await openConsole(stage.browser, stage);
    pages.push(page);

    // The order is taken and done: it leaves the open orders.
    await page.goto(`${stage.platform.url}/console/#/orders?order=${orderId}`);
    await page.getByRole('button', { name: 'Accept' }).click();
    await page.getByRole('textbox').fill('Booked a service');
    await page.getByRole('button', { name: 'Done' }).click();
    await expect.poll(async () => (await focused(page)).text).toBe('Callback orders');

    // The history, from the navigation, filtered to answered callback orders.
    await tabTo(page, 'Call history');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Call history', level: 1 }).waitFor();
    // A closed select takes the arrow keys: Any → Answered; Any → Call from the site → Callback order.
    await page.getByLabel('Result').focus();
    await page.keyboard.press('ArrowDown');
    await page.getByLabel('Channel').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.getByLabel('Result').inputValue()).toBe('answered');
    expect(await page.getByLabel('Channel').inputValue()).toBe('callback');
    await tabTo(page, 'Apply');
    await page.keyboard.press('Enter');
    const row = page.getByRole('row').filter({ hasText: PHONE });
    await row.waitFor();
    expect(await row.textContent()).toContain('Demo callback');
    expect(await row.textContent()).toContain('Answered');
    const rows = await page.locator('.call-history tbody tr').count();
    expect(await axeViolations(page)).toEqual([]);

    // The CSV of what the filter shows: the same rows, the order among them.
    const href = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    const bytes = await page.evaluate(async (url) => {
      const response = await fetch(url ?? '');
      return [...new Uint8Array(await response.arrayBuffer())];
    }, href);
    expect(bytes.slice(0, 3)).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...lines] = parseCsv(new TextDecoder().decode(new Uint8Array(bytes.slice(3))));
    expect(header?.slice(3, 7)).toEqual(['Channel', 'Caller', 'Caller name', 'Dialled']);
    expect(lines).toHaveLength(rows);
    expect(lines.every((line) => line[3] === 'callback' && line[10] === 'answered')).toBe(true);
    expect(lines.find((line) => line[4] === `'${PHONE}`)?.slice(5, 7)).toEqual([
      'Pavel',
      'Demo callback',
    ]);

    // The row opens its details, and they the order's own record, by keyboard.
    await row.getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).text).toBe(`Order from ${PHONE}`);
    await tabTo(page, 'Open the order');
    await page.keyboard.press('Enter');
    await page.getByText('Booked a service').first().waitFor();
    expect(page.url()).toContain(`order=${orderId}`);

    // The same person chats from another browser and gives the phone: one contact, two enquiries.
    stage.clock.advance(60_000);
    const visitor = await chatVisitor(stage);
    visitors.push(visitor);
    await say(visitor, 'Did you get my order?');
    await visitor.ask('contact', { phone: PHONE });
    await tabTo(page, 'Contacts');
    await page.keyboard.press('Enter');
    await page.getByLabel('Find a contact').focus();
    await page.keyboard.type('8 912 345');
    await page.keyboard.press('Enter');
    await tabTo(page, 'Pavel');
    await page.keyboard.press('Enter');
    const enquiries = page.locator('.timeline li');
    await expect.poll(() => enquiries.allTextContents()).toHaveLength(2);
    const texts = await enquiries.allTextContents();
    expect(texts[0]).toContain('Chat on Demo chat');
    expect(texts[1]).toContain('Callback order on Demo callback');
    expect(await axeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('shows a marketer the same history in the Studio', async () => {
    const { page, pageErrors } = await signInToStudio(stage);
    pages.push(page);
    await page.getByRole('link', { name: 'Call history' }).click();
    await page.getByRole('row').filter({ hasText: PHONE }).waitFor();
    expect(await page.getByRole('row').filter({ hasText: PHONE }).textContent()).toContain(
      'Demo callback',
    );
    expect(await axeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('an admin merges a duplicate into a contact and then erases the person, by keyboard', async () => {
    const first = '+79123450992';
    const second = '+79123450993';
    await orderCallback(stage, { phone: first, name: 'Vera' });
    stage.clock.advance(60_000);
    await orderCallback(stage, { phone: second });
    const { page, pageErrors } = await openConsole(stage.browser, stage, {
      email: 'admin@demo.test',
    });
    pages.push(page);
    await tabTo(page, 'Contacts');
    await page.keyboard.press('Enter');
    await page.getByLabel('Find a contact').focus();
    await page.keyboard.type(first);
    await page.keyboard.press('Enter');
    await tabTo(page, 'Vera');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Vera' }).waitFor();

    // The second order came from the same person: merged, both orders are Vera's.
    await page.getByLabel('Find the other contact').focus();
    await page.keyboard.type(second);
    await page.keyboard.press('Enter');
    await tabTo(page, `Merge ${second} into this contact`);
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: `${second} merged into this contact.` })
      .waitFor();
    await expect.poll(() => page.locator('.timeline li').count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);

    // Deleting asks once more, then erases her everywhere.
    await tabTo(page, 'Delete contact…');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).text).toBe('Yes, erase');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toMatch(/#\/contacts$/);
    await page.getByLabel('Find a contact').fill(first);
    await page.getByLabel('Find a contact').press('Enter');
    await page.getByText('No contacts found.').waitFor();
    const orders = await stage.platform.platform.store.orders.open(
      (await stage.platform.platform.store.users.byEmail('admin@demo.test'))?.accountId ?? '',
      500,
    );
    expect(orders.filter((o) => o.phone === first || o.phone === second)).toEqual([]);
    await tabTo(page, 'Call history');
    await page.keyboard.press('Enter');
    await page.getByRole('row').filter({ hasText: '[erased]' }).first().waitFor();
    expect(await page.getByRole('row').filter({ hasText: 'Vera' }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
