/**
 * A working day at the console, in Chromium at 1366×768 and 1024×768: unread counts in the navigation and
 * the tab's title; a second message in an open chat notifies (a desktop notification while the
 * tab is hidden); search finds a conversation by a word of a message and an order by phone; a
 * reload comes back to the open conversation; a chat and orders (one taken early) handled from
 * the keyboard only, done and failed orders still listed after a reload; every pane axe clean.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { VisitorClient } from '../../packages/platform/test/support/chat.ts';
import { axeViolations } from './axe.ts';
import {
  chatVisitor,
  cleanSlate,
  focused,
  notificationsOf,
  offeredSlot,
  openConsole,
  orderCallback,
  say,
  setTabHidden,
  TITLE,
  tabTo,
  titleIs,
  VIEWPORTS,
} from './console-helpers.ts';
import { type Stage, startStage } from './harness.ts';

let stage: Stage;
const visitors: VisitorClient[] = [];
const pages: Page[] = [];

beforeAll(async () => {
  stage = await startStage();
});
beforeEach(() => cleanSlate(stage));
afterAll(async () => {
  for (const visitor of visitors.splice(0)) visitor.socket.close();
  for (const page of pages) await page.context().close();
  await stage?.stop();
});

/** A new visitor of the demo chat who writes `texts`. */
async function visitorWrites(...texts: string[]): Promise<VisitorClient> {
  const visitor = await chatVisitor(stage);
  visitors.push(visitor);
  for (const text of texts) await say(visitor, text);
  return visitor;
}

describe.each(VIEWPORTS)('a day at the console at $width×$height', (viewport) => {
  // Closed chats and orders of the other size's run stay found and listed: this run's own words
  // and numbers tell them apart.
  const run = VIEWPORTS.indexOf(viewport);
  const bike = ['Volna', 'Kama'][run] ?? 'Volna';
  const phone = (n: number) => `+7912345${run}0${n}`;
  /** The console signed in as the demo operator. */
  async function desk(): Promise<{ page: Page; pageErrors: Error[] }> {
    const opened = await openConsole(stage.browser, stage, { viewport });
    pages.push(opened.page);
    return opened;
  }

  it('counts unread in the navigation and the title; a second message in an open chat notifies', async () => {
    const { page, pageErrors } = await desk();
    await titleIs(page, TITLE);
    await visitorWrites('First question');
    await visitorWrites('Hello', 'Are you there?');
    await titleIs(page, `(3) ${TITLE}`);
    await page.getByRole('link', { name: 'Chats 3 unread' }).waitFor();

    // Opened (and the tab shown), its message is read.
    await page.locator('.conversation-row', { hasText: 'First question' }).click();
    await titleIs(page, `(2) ${TITLE}`);
    const row = page.locator('.conversation-row', { hasText: 'First question' });
    const id = await row.getAttribute('data-conversation-id');
    const name = (await row.locator('.visitor-name').textContent()) ?? '';

    // The operator looks at another tab: the second message there counts and notifies.
    await setTabHidden(page, true);
    const [first] = visitors.slice(-2);
    if (!first) throw new Error('no visitor');
    await say(first, 'Second question');
    await titleIs(page, `(3) ${TITLE}`);
    await expect
      .poll(() => notificationsOf(page))
      .toContainEqual({ title: name, body: 'Second question', tag: `chat-${id}` });
    // Back at the console: read, and the count goes down again.
    await setTabHidden(page, false);
    await titleIs(page, `(2) ${TITLE}`);
    await page.getByRole('link', { name: 'Chats 2 unread' }).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('finds a conversation by a word of a message and an order by phone; a reload comes back', async () => {
    const { page } = await desk();
    await visitorWrites(`Is the ${bike} bike free on Saturday?`, 'Thanks!');
    await orderCallback(stage, { phone: phone(11), name: 'Ivan' });

    await page.keyboard.press('Alt+Shift+F');
    expect((await focused(page)).tag).toBe('INPUT');
    await page.keyboard.type(bike.toLowerCase());
    await page.keyboard.press('Enter');
    const chats = page.getByRole('list', { name: 'Chats (1)' });
    await chats.waitFor();
    expect(new URL(page.url()).hash).toBe(`#/search?q=${bike.toLowerCase()}`);
    await chats.getByRole('link').click();
    const conversation = page.locator('article.conversation');
    await conversation.getByText(`Is the ${bike} bike free on Saturday?`).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page
      .getByRole('searchbox', { name: 'Search chats and orders' })
      .fill(`912 345-${run}0-11`);
    await page.keyboard.press('Enter');
    const orders = page.getByRole('list', { name: 'Orders (1)' });
    await orders.getByText(phone(11)).click();
    await page.getByRole('heading', { name: `Ringing ${phone(11)}` }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Back to the conversation, then a reload: it is open again, the reply box ready.
    await page.goBack();
    await conversation.getByText('Thanks!').waitFor();
    const url = page.url();
    await page.reload();
    await conversation.getByText(`Is the ${bike} bike free on Saturday?`).waitFor();
    expect(page.url()).toBe(url);
    await expect.poll(async () => (await focused(page)).tag).toBe('TEXTAREA');
    // The search it was opened from is back too.
    await page.getByRole('list', { name: 'Orders (1)' }).getByText(phone(11)).waitFor();
  });

  it('handles a chat and orders from the keyboard only; closed orders stay listed', async () => {
    const visitor = await visitorWrites('Can I pay by card?');
    await orderCallback(stage, { phone: phone(21) });
    const slot = await offeredSlot(stage, 3);
    await orderCallback(stage, { phone: phone(22), slot });
    const { page, pageErrors } = await desk();
    await page.locator('.conversation-row').first().waitFor();

    // The chat: to its row, open it, answer, close it.
    await tabTo(page, 'Visitor #');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).tag).toBe('TEXTAREA');
    await page.keyboard.type('Yes, any card.');
    await page.keyboard.press('Enter');
    const answer = await visitor.next<{ text: string; author: string }>(
      'message',
      (m) => m.author === 'operator',
    );
    expect(answer.text).toBe('Yes, any card.');
    await tabTo(page, 'Close chat', true);
    await page.keyboard.press('Enter');
    expect((await focused(page)).text).toBe('Cancel');
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).text).toBe('Yes, close chat');
    await page.keyboard.press('Enter');
    await visitor.next('closed');
    await expect.poll(async () => (await focused(page)).tag).toBe('H2');
    expect(await axeViolations(page)).toEqual([]);

    // The order ringing now: from the navigation to its row, Accept, a note, Done.
    await tabTo(page, 'Orders');
    await page.keyboard.press('Enter');
    await tabTo(page, 'Ringing');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).text).toBe('Accept');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).tag).toBe('TEXTAREA');
    await page.keyboard.type('Paid by card');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).text).toBe('Callback orders');

    // The scheduled one: its time in the list; taken early; failed.
    await tabTo(page, 'Scheduled (1)');
    await page.keyboard.press('Enter');
    const time = new Intl.DateTimeFormat('en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'Europe/Moscow',
    }).format(Date.parse(slot));
    await page.getByText(`Scheduled for ${time}`).first().waitFor();
    await tabTo(page, `New ${phone(22)}`);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).text).toBe('Take early');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).tag).toBe('TEXTAREA');
    await page.keyboard.type('Asked to call tomorrow');
    await tabTo(page, 'Failed');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).text).toBe('Callback orders');

    // Both stay listed under Closed, after a reload too (the filter is in the URL).
    await tabTo(page, 'Closed');
    await page.keyboard.press('Enter');
    await page.reload();
    const closed = page.getByRole('list', { name: 'Orders' });
    await closed.getByText(phone(21)).waitFor();
    await closed.getByText(phone(22)).waitFor();
    expect(await closed.locator('[data-status=done]').count()).toBeGreaterThan(0);
    expect(await closed.locator('[data-status=failed]').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
