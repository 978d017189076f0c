/**
 * The console as operators work in it all day, with calls (the platform's SIP edge, a visitor's
 * Chromium calling from the demo page): at 1366×768 and 1024×768 a call arriving while the
 * operator types a reply neither moves the reply box nor hides Answer, and the call is answered,
 * hung up and dismissed from the keyboard, focus coming back to the reply; every pane is axe
 * clean. Two operators rung by the same order: one takes it, the other sees it taken.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { VisitorClient } from '../../packages/platform/test/support/chat.ts';
import { axeViolations } from './axe.ts';
import { call, startCallStage, waitPhase } from './call-helpers.ts';
import {
  chatVisitor,
  cleanSlate,
  focused,
  openConsole,
  orderCallback,
  say,
  tabTo,
  VIEWPORTS,
} from './console-helpers.ts';
import type { Stage } from './harness.ts';

let stage: Stage;
let callStage: Awaited<ReturnType<typeof startCallStage>>;
const visitors: VisitorClient[] = [];

beforeAll(async () => {
  callStage = await startCallStage();
  stage = callStage.stage;
});
beforeEach(() => cleanSlate(stage));
afterAll(async () => {
  for (const visitor of visitors.splice(0)) visitor.socket.close();
  await callStage?.stop();
});

/** A new visitor of the demo chat who writes `text`. */
async function visitorWrites(text: string): Promise<VisitorClient> {
  const visitor = await chatVisitor(stage);
  visitors.push(visitor);
  await say(visitor, text);
  return visitor;
}

/** Where `selector`'s element is, and whether it is the topmost thing at its centre. */
async function placeOf(page: Page, selector: string) {
  return page.locator(selector).evaluate((element) => {
    const box = element.getBoundingClientRect();
    const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    return {
      box: { x: box.x, y: box.y, width: box.width, height: box.height },
      onTop: top === element || element.contains(top),
      inView:
        box.top >= 0 &&
        box.left >= 0 &&
        box.bottom <= window.innerHeight &&
        box.right <= window.innerWidth,
    };
  });
}

describe.each(VIEWPORTS)('the console at $width×$height', (viewport) => {
  it('keeps the reply box still and Answer in sight when a call arrives; the call by keyboard', async () => {
    const { page: desk, pageErrors } = await openConsole(callStage.operatorBrowser, stage, {
      viewport,
    });
    await expect
      .poll(() => desk.locator('.phone-status').textContent(), { timeout: 20_000 })
      .toBe('Ready for calls');
    const visitor = await visitorWrites('Do you deliver on Sundays?');
    await desk.locator('.conversation-row', { hasText: 'Do you deliver on Sundays?' }).click();
    const reply = desk.getByRole('textbox', { name: /^Reply to/ });
    await expect.poll(async () => (await focused(desk)).tag).toBe('TEXTAREA');
    await desk.keyboard.type('We deliver on');
    const before = await placeOf(desk, 'textarea');
    expect(before.onTop && before.inView).toBe(true);

    // While the operator types: a new chat, a new order ringing, and then a call.
    await visitorWrites('Another question');
    await orderCallback(stage, { phone: '+79120000011' });
    await desk.getByRole('link', { name: 'Orders 1 waiting' }).waitFor();
    const caller = await callStage.visitorBrowser.newContext({ timezoneId: 'Asia/Tokyo' });
    const callPage = await caller.newPage();
    await callPage.goto(`${stage.site}/call.html`);
    await call(callPage);
    const ringing = desk.locator('.call-card[data-state=ringing]');
    await ringing.waitFor({ timeout: 20_000 });

    // Nothing moved or covered the reply box; the typing went on; Answer is in sight, on top.
    expect(await placeOf(desk, 'textarea')).toEqual(before);
    expect(await focused(desk)).toMatchObject({ tag: 'TEXTAREA', value: 'We deliver on' });
    const answer = await placeOf(desk, '.call-card[data-state=ringing] button.primary');
    expect(answer.inView && answer.onTop).toBe(true);
    expect(await desk.getByRole('alert').textContent()).toMatch(/^Incoming call on /);
    expect(await axeViolations(desk)).toEqual([]);

    // The keyboard only: answer by the shortcut, go to the pop-up, hang up, dismiss.
    await desk.keyboard.press('Alt+Shift+A');
    await waitPhase(callPage, 'in-call');
    await desk.locator('.call-card[data-state=answered]').waitFor();
    expect((await focused(desk)).tag).toBe('TEXTAREA');
    await desk.keyboard.press('Alt+Shift+C');
    expect((await focused(desk)).text).toBe('Mute');
    await desk.keyboard.press('Tab');
    expect((await focused(desk)).text).toBe('Hang up');
    await desk.keyboard.press('Enter');
    await waitPhase(callPage, 'ended', 10_000);
    await expect.poll(async () => (await focused(desk)).text).toBe('Dismiss');
    await desk.keyboard.press('Enter');
    await desk.locator('.call-card').waitFor({ state: 'detached' });
    expect(await focused(desk)).toMatchObject({ tag: 'TEXTAREA', value: 'We deliver on' });
    expect(await placeOf(desk, 'textarea')).toEqual(before);

    // The reply goes out as typed.
    await desk.keyboard.type(' Sundays too.');
    await desk.keyboard.press('Enter');
    const answered = await visitor.next<{ text: string; author: string }>(
      'message',
      (m) => m.author === 'operator',
    );
    expect(answered.text).toBe('We deliver on Sundays too.');
    await expect(reply.inputValue()).resolves.toBe('');

    // The calls list, and the pane axe found clean with a call up is clean without one too.
    await tabTo(desk, 'Calls');
    await desk.keyboard.press('Enter');
    await desk.getByRole('heading', { name: 'Calls', level: 1 }).waitFor();
    expect(await axeViolations(desk)).toEqual([]);
    expect(pageErrors).toEqual([]);
    await caller.close();
    await desk.context().close();
  });
});

describe('two operators rung by one order', () => {
  it('lets one take it from the keyboard; the other sees it taken, focus on the order', async () => {
    const { page: oleg } = await openConsole(callStage.operatorBrowser, stage);
    const { page: olga } = await openConsole(stage.browser, stage, {
      email: 'operator2@demo.test',
    });
    for (const page of [oleg, olga]) {
      await page.getByRole('region', { name: 'Online' }).getByText('Olga Operator').waitFor();
    }
    await orderCallback(stage, { phone: '+79123456789', name: 'Ivan' });
    for (const page of [oleg, olga]) {
      await page.getByRole('link', { name: 'Orders 1 waiting' }).click();
      await page.locator('.order-row', { hasText: '+79123456789' }).click();
      await page.getByRole('heading', { name: 'Ringing +79123456789' }).waitFor();
      await page.getByText('(Asia/Yekaterinburg)').waitFor();
      // Opening the order put the keyboard on its action.
      expect((await focused(page)).text).toBe('Accept');
    }
    expect(await axeViolations(olga)).toEqual([]);

    await oleg.keyboard.press('Enter');
    await expect.poll(async () => (await focused(oleg)).tag).toBe('TEXTAREA');
    await olga.getByText('Taken by Oleg Operator.').waitFor();
    expect(await olga.getByRole('button', { name: 'Accept' }).count()).toBe(0);
    // Olga's focus was on Accept, which went: it is on the order now, not on the page's body.
    await expect.poll(async () => (await focused(olga)).text).toBe('Accepted +79123456789');
    await oleg.keyboard.type('Called back, all good');
    await oleg.keyboard.press('Tab');
    expect((await focused(oleg)).text).toBe('Done');
    await oleg.keyboard.press('Enter');
    await oleg.getByText('Note: Called back, all good').waitFor();
    // No order left in the list: focus is on the list's heading.
    await expect.poll(async () => (await focused(oleg)).text).toBe('Callback orders');
    for (const page of [oleg, olga]) await page.context().close();
  });
});
