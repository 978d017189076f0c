/**
 * Call from the site, end to end: the platform with its SIP edge (Kamailio on loopback), the
 * demo site, and two Chromium processes — the visitor's and the operator's — each with a fake
 * microphone playing its own tone. Nobody online → the widget says so before any microphone and
 * offers no call; online but no softphone registered → "no one can answer"; microphone denied →
 * the reason and no call; then the operator signs in to the console, the softphone registers,
 * the visitor calls from the demo page, the operator answers: each side's analyser hears the
 * other's tone, the visitor's DTMF digits show at the operator, hanging up ends both, and the
 * call history has the call. Run it in a private network namespace (`test/e2e/netns.sh`).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings, NOBODY_TEXTS } from '../../packages/config/src/index.ts';
import {
  call,
  callTexts,
  heardFrequency,
  OPERATOR_HZ,
  operatorConsole as signInOperator,
  startCallStage,
  VISITOR_HZ,
  waitPhase,
} from './call-helpers.ts';
import { adminFetch, demoOperatorOnline, type Stage } from './harness.ts';

const { en, ru } = callTexts;

let stage: Stage;
let visitorBrowser: Browser;
let operatorBrowser: Browser;
let stopCallStage: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ stage, visitorBrowser, operatorBrowser, stop: stopCallStage } = await startCallStage());
});

afterAll(() => stopCallStage?.());

/** The demo call page in a new context of the visitor's browser; requests it made are kept. */
async function visitorPage(init?: () => void) {
  const context = await visitorBrowser.newContext({ locale: 'en-GB', timezoneId: 'Asia/Tokyo' });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(`${stage.site}/call.html`);
  await page.locator('frontdesk-call .launcher').waitFor();
  return { context, page, requests, errors };
}

/** The call widget's status line: its phase and text. */
async function callStatus(page: Page) {
  const status = page.locator('frontdesk-call [data-call-status]');
  return {
    phase: await status.getAttribute('data-call-status'),
    text: (await status.textContent())?.trim(),
  };
}

/** Calls in the demo account's call history (as its admin). */
async function callHistory() {
  const response = await (await adminFetch(stage))('/v1/admin/call-history');
  const { items } = (await response.json()) as { items: Record<string, unknown>[] };
  return items.filter((item) => item.kind === 'call');
}

/** The console in the operator's browser, signed in as operator@demo.test, softphone ready. */
function operatorConsole(): Promise<Page> {
  return signInOperator(operatorBrowser, stage.platform.url);
}

/** The visitor calls and the operator answers; both are in the call. */
async function answeredCall(desk: Page) {
  const visitor = await visitorPage(() => {
    // Keeps the page's WebSockets at hand, so a test can cut them.
    const Native = WebSocket;
    const sockets: WebSocket[] = [];
    (window as unknown as { __sockets: WebSocket[] }).__sockets = sockets;
    window.WebSocket = class extends Native {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        sockets.push(this);
      }
    };
  });
  await call(visitor.page);
  const card = desk.locator('.call-card[data-state=ringing]');
  await card.waitFor({ timeout: 20_000 });
  await card.getByRole('button', { name: 'Answer' }).click();
  await waitPhase(visitor.page, 'in-call');
  await desk.locator('.call-card[data-state=answered]').waitFor();
  return visitor;
}

describe('call from the site', () => {
  it('with nobody online, says so before any microphone, loads no sip.js and offers no call', async () => {
    const { context, page, requests, errors } = await visitorPage(() => {
      const counted = window as unknown as { __microphone: number };
      counted.__microphone = 0;
      navigator.mediaDevices.getUserMedia = async () => {
        counted.__microphone++;
        throw new DOMException('Permission denied', 'NotAllowedError');
      };
    });
    const launcher = page.locator('frontdesk-call .launcher');
    await expect.poll(() => launcher.textContent()).toBe(NOBODY_TEXTS.call.buttonText.ru);
    await launcher.hover();
    await launcher.click();
    const dialog = page.locator('frontdesk-call [role=dialog]');
    await dialog.locator('.head[data-variant=nobody]').waitFor();
    expect(await dialog.locator('.title').textContent()).toBe(NOBODY_TEXTS.call.title.ru);
    expect(await dialog.getByRole('button', { name: ru.call.call, exact: true }).count()).toBe(0);
    expect(await dialog.getByText(ru.call.explain).count()).toBe(0);
    expect(requests.some((url) => /sip-call-/.test(url))).toBe(false);
    expect(
      await page.evaluate(() => (window as unknown as { __microphone: number }).__microphone),
    ).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an operator online but no softphone registered: the visitor gets a clear "no one can answer"', async () => {
    const operator = await demoOperatorOnline(stage);
    try {
      const { context, page, requests, errors } = await visitorPage();
      // sip.js is not loaded with the page; only the visitor's intent loads it.
      expect(requests.some((url) => /sip-call-/.test(url))).toBe(false);
      await expect
        .poll(() => page.locator('frontdesk-call .launcher').textContent())
        .toBe(defaultSettings('call').appearance.working.buttonText.ru);
      await page.locator('frontdesk-call .launcher').hover();
      await expect.poll(() => requests.some((url) => /sip-call-[\w-]+\.js/.test(url))).toBe(true);
      await call(page);
      await waitPhase(page, 'failed');
      const status = await callStatus(page);
      expect([en.call.reasons.no_answer, ru.call.reasons.no_answer]).toContain(status.text);
      expect(errors).toEqual([]);
      await context.close();
    } finally {
      operator.socket.close();
    }
  });

  it('a visitor who ordered a callback, then calls from the site: one contact with both enquiries', async () => {
    const phone = '+79123450971';
    const operator = await demoOperatorOnline(stage);
    try {
      // The order, from the demo's callback page in the visitor's browser.
      const context = await visitorBrowser.newContext({
        locale: 'en-GB',
        timezoneId: 'Asia/Tokyo',
      });
      const shop = await context.newPage();
      await shop.goto(`${stage.site}/callback.html`);
      await shop.locator('frontdesk-callback .launcher').click();
      await shop.locator('frontdesk-callback #fd-phone').fill('+7 912 345-09-71');
      await shop.locator('frontdesk-callback .send').click();
      await shop.locator('frontdesk-callback .done').waitFor();
      // Later, the call page of the same site: the call carries the same visitor's token.
      const page = await context.newPage();
      const asked: Record<string, unknown>[] = [];
      page.on('request', (request) => {
        if (request.url().endsWith('/call-credentials')) asked.push(request.postDataJSON());
      });
      await page.goto(`${stage.site}/call.html`);
      await expect
        .poll(() => page.locator('frontdesk-call .launcher').textContent())
        .toBe(defaultSettings('call').appearance.working.buttonText.ru);
      await call(page);
      // No softphone is registered: nobody answers, and the call stays in the history.
      await waitPhase(page, 'failed');
      expect(asked).toEqual([expect.objectContaining({ visitorToken: expect.any(String) })]);

      const admin = await adminFetch(stage);
      const found = (await (
        await admin(`/v1/admin/contacts?q=${encodeURIComponent(phone)}`)
      ).json()) as {
        items: { id: string }[];
      };
      expect(found.items).toHaveLength(1);
      const contact = (await (await admin(`/v1/admin/contacts/${found.items[0]?.id}`)).json()) as {
        timeline: { kind: string; widgetName: string }[];
      };
      expect(contact.timeline.map((e) => [e.kind, e.widgetName])).toEqual([
        ['call', 'Call from the demo site'],
        ['callback', expect.any(String)],
      ]);
      await context.close();
    } finally {
      operator.socket.close();
    }
  });

  it('microphone denied: the reason is shown and no call is placed', async () => {
    const operator = await demoOperatorOnline(stage);
    try {
      const { context, page, requests } = await visitorPage(() => {
        navigator.mediaDevices.getUserMedia = () =>
          Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
      });
      await expect
        .poll(() => page.locator('frontdesk-call .launcher').textContent())
        .toBe(defaultSettings('call').appearance.working.buttonText.ru);
      await call(page);
      await waitPhase(page, 'failed');
      const status = await callStatus(page);
      expect([en.call.reasons.permission_denied, ru.call.reasons.permission_denied]).toContain(
        status.text,
      );
      expect(requests.some((url) => url.includes('/call-credentials'))).toBe(false);
      await context.close();
    } finally {
      operator.socket.close();
    }
  });

  it('the operator answers: audio both ways, DTMF at the operator, hang-up ends both, history (API and screen)', async () => {
    const before = (await callHistory()).length;
    // The operator signs in to the console; the softphone registers for the line.
    const operatorContext = await operatorBrowser.newContext({
      locale: 'en-GB',
      timezoneId: 'Europe/Moscow',
    });
    const desk = await operatorContext.newPage();
    await desk.goto(`${stage.platform.url}/console/`);
    await desk.getByLabel('E-mail').fill('operator@demo.test');
    await desk.getByLabel('Password').fill('demo-password');
    await desk.keyboard.press('Enter');
    await expect
      .poll(() => desk.locator('.phone-status').textContent(), { timeout: 20_000 })
      .toMatch(/^Ready for calls/);

    const { context, page } = await visitorPage();
    await call(page);
    const card = desk.locator('.call-card[data-state=ringing]');
    await card.waitFor({ timeout: 20_000 });
    expect(await card.locator('h3').textContent()).toContain('Call from the demo site');
    expect(await card.locator('[data-field=page]').textContent()).toContain('/call.html');
    expect(await card.locator('[data-field=local-time]').textContent()).toContain('Asia/Tokyo');
    await card.getByRole('button', { name: 'Answer' }).click();

    await waitPhase(page, 'in-call');
    await desk.locator('.call-card[data-state=answered]').waitFor();

    // Each side hears the other's tone.
    const [heardByVisitor, heardByOperator] = await Promise.all([
      heardFrequency(page, 'frontdesk-call'),
      heardFrequency(desk, null),
    ]);
    expect(Math.abs(heardByVisitor - OPERATOR_HZ)).toBeLessThan(30);
    expect(Math.abs(heardByOperator - VISITOR_HZ)).toBeLessThan(30);

    // DTMF: the dial pad and the keyboard; the operator sees the digits (SIP INFO).
    const pad = page.locator('frontdesk-call .pad');
    // Styled by the call's own rules, which its chunk adopts into the widget's shadow root.
    expect(await pad.evaluate((element) => getComputedStyle(element).display)).toBe('grid');
    expect(
      await page
        .locator('frontdesk-call .hangup')
        .evaluate((element) => getComputedStyle(element).backgroundColor),
    ).toBe('rgb(185, 28, 28)');
    await pad.getByRole('button', { name: '1', exact: true }).click();
    await pad.getByRole('button', { name: '2', exact: true }).click();
    await page.keyboard.press('#');
    await expect
      .poll(() => desk.locator('.call-card [data-field=digits]').textContent(), {
        timeout: 10_000,
      })
      .toBe('12#');

    // The visitor hangs up: both sides end.
    await page.locator('frontdesk-call .hangup').click();
    await waitPhase(page, 'ended');
    await desk.locator('.call-card[data-state=ended]').waitFor({ timeout: 10_000 });

    // The call history has it, with the widget's name as the caller.
    await expect
      .poll(async () => (await callHistory()).length, { timeout: 10_000 })
      .toBe(before + 1);
    const [latest] = await callHistory();
    expect(latest).toMatchObject({ kind: 'call', caller: 'Call from the demo site' });
    expect(String(latest?.status)).toBe('completed');
    // And the console's call history screen shows it so: the widget's name, answered.
    await desk.getByRole('link', { name: 'Call history' }).click();
    const row = desk.getByRole('row').filter({ hasText: 'Call from the demo site' }).first();
    await row.waitFor();
    expect(await row.textContent()).toContain('Answered');
    expect(await row.textContent()).toContain(String(latest?.dialled));
    await context.close();
    await operatorContext.close();
  });

  it('the operator hangs up: the visitor sees the call ended by the operator', async () => {
    const desk = await operatorConsole();
    const visitor = await answeredCall(desk);
    await desk.getByRole('button', { name: 'Hang up' }).click();
    await waitPhase(visitor.page, 'ended', 10_000);
    expect((await callStatus(visitor.page)).text).toMatch(
      new RegExp(`${en.call.endedByOperator}|${ru.call.endedByOperator}`),
    );
    await visitor.context.close();
    await desk.context().close();
  });

  it('pop out: the call runs in its own window while the visitor browses the site', async () => {
    const popOut = new RegExp(`${en.call.popOut}|${ru.call.popOut}`);
    const desk = await operatorConsole();
    const visitor = await visitorPage();
    await visitor.page.locator('frontdesk-call .launcher').click();
    const [popup] = await Promise.all([
      visitor.context.waitForEvent('page'),
      visitor.page
        .locator('frontdesk-call [role=dialog]')
        .getByRole('button', { name: popOut })
        .click(),
    ]);
    // The window is the platform's call page, named so that it offers no pop-out of its own.
    expect(new URL(popup.url()).pathname).toBe('/call/demo-call');
    expect(await popup.evaluate(() => window.name)).toBe('frontdesk-call-demo-call');
    const send = popup.locator('frontdesk-call [role=dialog] .send');
    await send.waitFor();
    expect(
      await popup
        .locator('frontdesk-call [role=dialog]')
        .getByRole('button', { name: popOut })
        .count(),
    ).toBe(0);
    await send.click();
    const card = desk.locator('.call-card[data-state=ringing]');
    await card.waitFor({ timeout: 20_000 });
    await card.getByRole('button', { name: 'Answer' }).click();
    await waitPhase(popup, 'in-call');
    // The site's page goes elsewhere; the call in the window goes on, audio and all.
    await visitor.page.goto(`${stage.site}/callback.html`);
    await visitor.page.waitForTimeout(500);
    expect((await callStatus(popup)).phase).toBe('in-call');
    expect(Math.abs((await heardFrequency(popup, 'frontdesk-call')) - OPERATOR_HZ)).toBeLessThan(
      30,
    );
    await popup.locator('frontdesk-call .hangup').click();
    await waitPhase(popup, 'ended');
    await desk.locator('.call-card[data-state=answered]').waitFor({ state: 'detached' });
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
    await desk.context().close();
  });

  it('the visitor’s WebSocket is cut mid-call: the call comes back, or both sides end within 10 s', async () => {
    const desk = await operatorConsole();
    const visitor = await answeredCall(desk);
    const cutAt = Date.now();
    await visitor.page.evaluate(() => {
      // Every phase the status shows from now on: the way back to "in-call" may be quick.
      const status = document
        .querySelector('frontdesk-call')
        ?.shadowRoot?.querySelector('[data-call-status]');
      const phases: (string | null)[] = [];
      (window as unknown as { __phases: (string | null)[] }).__phases = phases;
      if (status) {
        new MutationObserver(() => phases.push(status.getAttribute('data-call-status'))).observe(
          status,
          { attributes: true, attributeFilter: ['data-call-status'] },
        );
      }
      for (const socket of (window as unknown as { __sockets: WebSocket[] }).__sockets) {
        if (socket.url.includes('/sip/')) socket.close();
      }
    });
    // It shows the connection lost, then is either back in the call with audio, or ended with
    // the message on both sides.
    await visitor.page.waitForFunction(
      () => {
        const phases = (window as unknown as { __phases: (string | null)[] }).__phases;
        const last = phases.at(-1);
        return phases.includes('reconnecting') && (last === 'in-call' || last === 'failed');
      },
      undefined,
      { timeout: 12_000 },
    );
    const status = await callStatus(visitor.page);
    if (status.phase === 'in-call') {
      const heard = await heardFrequency(visitor.page, 'frontdesk-call');
      expect(Math.abs(heard - OPERATOR_HZ)).toBeLessThan(30);
      await visitor.page.locator('frontdesk-call .hangup').click();
      await desk.locator('.call-card[data-state=ended]').waitFor({ timeout: 10_000 });
    } else {
      expect([en.call.reasons.connection_lost, ru.call.reasons.connection_lost]).toContain(
        status.text,
      );
      await desk.locator('.call-card[data-state=ended]').waitFor({ timeout: 12_000 });
      expect(Date.now() - cutAt).toBeLessThan(12_500);
    }
    await visitor.context.close();
    await desk.context().close();
  });
});
