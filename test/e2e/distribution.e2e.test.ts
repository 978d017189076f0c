/**
 * Fair chat distribution and missed enquiries in Chromium (issue 23): an admin makes the demo
 * group "Sales" distribute in the Studio; two operators' consoles then get one chat each within
 * the limit, the third waits in the queue they see; a chat its holder leaves unanswered past the
 * first-answer time moves to the other (test clock); a hand-over with a note; the Missed list
 * fills and empties as its chat, call and order are handled. Every screen axe clean.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VisitorClient } from '../../packages/platform/test/support/chat.ts';
import { axeViolations } from './axe.ts';
import {
  chatVisitor,
  cleanSlate,
  notificationsOf,
  openConsole,
  orderCallback,
  say,
  setTabHidden,
} from './console-helpers.ts';
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

const OLEG = 'Oleg Operator';
const OLGA = 'Olga Operator';

/** The console of `email`, connected (so that it counts as online for the turns). */
async function desk(email: string) {
  const opened = await openConsole(stage.browser, stage, { email });
  pages.push(opened.page);
  await opened.page.locator('.who .online').waitFor();
  return opened;
}
async function visitorWrites(text: string): Promise<void> {
  const visitor = await chatVisitor(stage);
  visitors.push(visitor);
  await say(visitor, text);
}
const row = (page: Page, text: string) => page.locator('.conversation-row', { hasText: text });
const holderOf = (page: Page, text: string) => row(page, text).locator('.holder');
const workers = () => stage.platform.platform.workers;
/** The demo account (seeded beside the test account of the platform). */
async function demoAccountId(): Promise<string> {
  const admin = await stage.platform.platform.store.users.byEmail('admin@demo.test');
  if (!admin) throw new Error('the demo account is not seeded');
  return admin.accountId;
}
const demoGroups = async () => stage.platform.platform.store.groups.list(await demoAccountId());

describe('distribution', () => {
  it('an admin makes the group distribute in the Studio, in the source’s words', async () => {
    await cleanSlate(stage);
    const { page, pageErrors } = await signInToStudio(stage, 'admin@demo.test');
    pages.push(page);
    await page.getByRole('link', { name: 'Groups' }).click();
    const sales = page.getByRole('form', { name: 'Sales' });
    await sales.getByText(`Members: ${OLEG}, ${OLGA}`).waitFor();
    await sales.getByRole('radio', { name: /^Distribute automatically/ }).check();
    await sales
      .getByRole('spinbutton', { name: 'The most text enquiries one employee may handle at once' })
      .fill('1');
    await sales
      .getByRole('spinbutton', {
        name: 'The longest a client waits for the first answer, in seconds',
      })
      .fill('60');
    expect(await axeViolations(page)).toEqual([]);
    await sales.getByRole('button', { name: 'Save Sales' }).click();
    await sales.getByText('The rules of Sales are saved.').waitFor();
    const stored = (await demoGroups()).find((g) => g.name === 'Sales');
    expect(stored?.chatRules).toEqual({ mode: 'distribute', limit: 1, answerSeconds: 60 });
    expect(pageErrors).toEqual([]);
  });

  it('gives one chat to each within the limit, queues the next, moves it after the first-answer time, hands over with a note', async () => {
    const oleg = await desk('operator@demo.test');
    const olga = await desk('operator2@demo.test');
    // Both look at other tabs: what alerts them shows as desktop notifications.
    for (const { page } of [oleg, olga]) await setTabHidden(page, true);
    await visitorWrites('First: a city bike?');
    await expect
      .poll(() => holderOf(oleg.page, 'First: a city bike?').textContent())
      .toBe('You hold it');
    await expect
      .poll(() => holderOf(olga.page, 'First: a city bike?').textContent())
      .toBe(`Held by ${OLEG}`);
    // Only the one who holds it is alerted.
    await expect
      .poll(async () =>
        (await notificationsOf(oleg.page)).some((n) => n.title.startsWith('New chat: ')),
      )
      .toBe(true);
    expect(await notificationsOf(olga.page)).toEqual([]);
    for (const { page } of [oleg, olga]) await setTabHidden(page, false);
    await visitorWrites('Second: a helmet?');
    await expect
      .poll(() => holderOf(olga.page, 'Second: a helmet?').textContent())
      .toBe('You hold it');
    // Both at the limit of one: the third waits, and both see the queue.
    await visitorWrites('Third: a child seat?');
    for (const { page } of [oleg, olga]) {
      await expect
        .poll(() => holderOf(page, 'Third: a child seat?').textContent())
        .toBe('Waiting in the queue');
      await page
        .getByRole('list', { name: 'Queues' })
        .getByText(/^Sales: 1 waiting, the longest for \d+ s$/)
        .waitFor();
    }
    expect(await axeViolations(oleg.page)).toEqual([]);

    // Oleg closes his first chat: he has room, and the waiting one is his.
    await row(oleg.page, 'First: a city bike?').click();
    await oleg.page.getByRole('button', { name: 'Close chat' }).click();
    await oleg.page.getByRole('button', { name: 'Yes, close chat' }).click();
    await expect
      .poll(() => holderOf(oleg.page, 'Third: a child seat?').textContent())
      .toBe('You hold it');
    await oleg.page
      .getByRole('list', { name: 'Queues' })
      .getByText('Sales: nobody waiting')
      .waitFor();

    // Olga closes hers; Oleg does not answer within 60 s: it moves to Olga.
    await row(olga.page, 'Second: a helmet?').click();
    await olga.page.getByRole('button', { name: 'Close chat' }).click();
    await olga.page.getByRole('button', { name: 'Yes, close chat' }).click();
    stage.clock.advance(59_000);
    await workers().distributeChats();
    await expect
      .poll(() => holderOf(olga.page, 'Third: a child seat?').textContent())
      .toBe(`Held by ${OLEG}`);
    stage.clock.advance(2_000);
    await workers().distributeChats();
    await expect
      .poll(() => holderOf(olga.page, 'Third: a child seat?').textContent())
      .toBe('You hold it');
    await row(olga.page, 'Third: a child seat?').click();
    const olgaChat = olga.page.locator('article.conversation');
    await olgaChat.getByText(`Moved on from ${OLEG}: no first answer in time`).waitFor();

    // Olga hands it back to Oleg with a note.
    await olgaChat.getByRole('button', { name: 'Hand over' }).click();
    const to = olgaChat.getByRole('combobox', { name: 'Hand to' });
    await expect.poll(() => to.isEnabled()).toBe(true);
    await to.selectOption({ label: OLEG });
    await olgaChat
      .getByRole('textbox', { name: 'Note for them' })
      .fill('Asked about a seat for a 3-year-old');
    expect(await axeViolations(olga.page)).toEqual([]);
    await setTabHidden(oleg.page, true);
    await olgaChat
      .getByRole('form', { name: 'Hand over this chat' })
      .getByRole('button', { name: 'Hand over' })
      .click();
    await expect
      .poll(() => holderOf(oleg.page, 'Third: a child seat?').textContent())
      .toBe('You hold it');
    await row(oleg.page, 'Third: a child seat?').click();
    await oleg.page
      .locator('article.conversation')
      .getByText(`Handed over by ${OLGA}: Asked about a seat for a 3-year-old`)
      .waitFor();
    expect(await axeViolations(oleg.page)).toEqual([]);
    expect([...oleg.pageErrors, ...olga.pageErrors]).toEqual([]);
  });
});

describe('missed enquiries', () => {
  it('fills the Missed list and its count, and empties it as each is handled', async () => {
    const { store } = stage.platform.platform;
    for (const group of await demoGroups()) {
      await store.groups.update(group.id, {
        chatRules: { mode: 'everyone', limit: 3, answerSeconds: 0 },
      });
    }
    await cleanSlate(stage);
    const { page, pageErrors } = await desk('operator@demo.test');
    const missedLink = page
      .getByRole('navigation', { name: 'Console' })
      .getByRole('link', { name: /^Missed/ });
    await workers().noticeMissed();
    await visitorWrites('Is the shop open on Sunday?');
    const orderId = await orderCallback(stage, { phone: '+79123450077', name: 'Pavel' });
    // A call from the site that rang out, as the SIP edge records one.
    const callWidget = await store.widgets.byKey('demo-call');
    if (!callWidget) throw new Error('no demo-call widget');
    const callId = `rang-out-${orderId}@e2e`;
    await store.calls.start({
      callId,
      accountId: await demoAccountId(),
      widgetId: callWidget.id,
      widgetName: callWidget.name,
      line: callWidget.sipLine ?? '',
      visitorId: 'e2e-visitor',
      page: { url: `${stage.site}/call.html`, title: 'Call us' },
      utm: {},
      visitorTimeZone: null,
      startedAt: stage.clock().getTime(),
    });
    await store.calls.fail(callId, {
      at: stage.clock().getTime(),
      status: 'no_answer',
      sipCode: 480,
    });
    await workers().noticeMissed();
    await expect.poll(() => missedLink.textContent()).toBe('Missed 1 not handled');

    // Five minutes on, nobody answered the chat nor took the order.
    stage.clock.advance(301_000);
    await workers().noticeMissed();
    await expect.poll(() => missedLink.textContent()).toBe('Missed 3 not handled');
    await missedLink.click();
    await page.getByRole('heading', { name: 'Missed', level: 1 }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // A reply handles the chat.
    await page.getByRole('list', { name: 'Chats nobody answered (1)' }).getByRole('link').click();
    const reply = page.getByRole('textbox', { name: /^Reply to/ });
    await reply.fill('Yes, from 10 to 18. Sorry for the wait!');
    await reply.press('Enter');
    await expect.poll(() => missedLink.textContent()).toBe('Missed 2 not handled');

    // The call is marked handled.
    await page.getByRole('button', { name: /^Mark handled: the call of / }).click();
    await expect.poll(() => missedLink.textContent()).toBe('Missed 1 not handled');

    // Taking the order handles it.
    await page.getByRole('list', { name: 'Orders past their time (1)' }).getByRole('link').click();
    await page.getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => missedLink.textContent()).toBe('Missed');
    await page.getByRole('heading', { name: 'Chats nobody answered (0)' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
