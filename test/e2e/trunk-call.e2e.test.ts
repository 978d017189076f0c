/**
 * Calls from the site that reach real phones, end to end: the platform with its SIP edge
 * (Kamailio + rtpengine), the demo site, the visitor's Chromium (a 440 Hz microphone) and the
 * operator's, and a phone network — a Kamailio carrier that demands digest auth from the demo
 * account's trunk, and baresip phones each playing a tone of its own and recording what it hears.
 * The demo call widget is forwarded to an external number: each side hears the other's tone
 * through rtpengine (WebRTC on the browser's side, G.711 on the phone's) and the phone sees the
 * widget's number as the caller; a console that does not answer falls back to the number; a group
 * rings a console and an employee's phone at once and the first answer wins; busy, no answer and
 * a trunk that is down end in the call history. Run it in a private network namespace
 * (`test/e2e/netns.sh`).
 */

import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hasTone } from '../../packages/phone-network/src/index.ts';
import { ARRIVAL_MS } from '../../packages/platform/test/support/arrival.ts';
import { axeViolations } from './axe.ts';
import {
  call,
  callTexts,
  heardFrequency,
  operatorConsole,
  VISITOR_HZ,
  waitPhase,
} from './call-helpers.ts';
import { signInToConsole, signInToStudio } from './harness.ts';
import {
  killEdgeMidCall,
  startTrunkStage,
  type TrunkStage,
  WIDGET_NUMBER,
} from './trunk-helpers.ts';

const { en, ru } = callTexts;

const ANSWERS = '+74951110001';
const BUSY = '+74951110002';
const NOBODY = '+74951110003';
/** Olga's (operator2@demo.test) mobile, in the group "Sales" the demo widget rings. */
const OLGA_MOBILE = '+74951110004';
const PHONE_HZ = 1000;
const MOBILE_HZ = 1600;

let s: TrunkStage;
let defaults: Awaited<ReturnType<TrunkStage['widget']>>['settings'] | undefined;

beforeAll(async () => {
  s = await startTrunkStage([
    { number: ANSWERS, toneHz: PHONE_HZ },
    { number: BUSY, answer: 'busy' },
    { number: NOBODY, answer: 'manual' },
    { number: OLGA_MOBILE, answer: 'manual', toneHz: MOBILE_HZ },
  ]);
  defaults = (await s.widget()).settings;
}, 120_000);

afterAll(() => s?.stop());

afterEach(async () => {
  // Every test starts from the seeded widget: the group "Sales", nobody's phone.
  const { store } = s.stage.platform.platform;
  if (defaults) {
    await store.widgets.update((await s.widget()).id, { settings: defaults, now: Date.now() });
  }
  const olga = await store.users.byEmail('operator2@demo.test');
  if (olga) await store.users.update(olga.id, { phone: null });
});

/** The demo call page in a new context of the visitor's browser. */
async function visitorPage() {
  const context = await s.visitorBrowser.newContext({ locale: 'en-GB', timezoneId: 'Asia/Tokyo' });
  const page = await context.newPage();
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(`${s.stage.site}/call.html`);
  await page.locator('frontdesk-call .launcher').waitFor();
  return { context, page, errors };
}

/** The widget's status text. */
async function statusText(page: Page) {
  return (await page.locator('frontdesk-call [data-call-status]').textContent())?.trim();
}

/** Calls a journey has already looked at: the next look waits for a newer one. */
const seenCalls = new Set<string>();

/**
 * The newest call once `done` holds for it. A call a journey already looked at never answers
 * again: when the widget shows its end before the platform records the call, the history's newest
 * row is still the previous journey's.
 */
async function latestCall(done: (status: string) => boolean) {
  let latest: Awaited<ReturnType<TrunkStage['calls']>>[number] | undefined;
  await expect
    .poll(
      async () => {
        latest = (await s.calls())[0];
        return latest !== undefined && !seenCalls.has(latest.id) && done(latest.status);
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  if (!latest) throw new Error('no call');
  seenCalls.add(latest.id);
  return latest;
}

/** Whether `number`'s newest recording carries the visitor's tone. */
async function phoneHeardVisitor(number: string) {
  const recording = await s.network.phone(number).lastRecording();
  return recording !== undefined && (await hasTone(recording, VISITOR_HZ));
}

describe('calls through the SIP trunk', () => {
  it('forwards a site call to an external number: tones both ways through rtpengine, the widget’s number at the phone, the number in the history', async () => {
    await s.setCallSettings({
      forwarding: { kind: 'external', number: ANSWERS },
      outgoingNumber: WIDGET_NUMBER,
    });
    const phone = s.network.phone(ANSWERS);
    const { context, page, errors } = await visitorPage();
    await call(page);
    await waitPhase(page, 'in-call');
    await phone.waitFor('CALL_ESTABLISHED', 10_000);
    // The phone shows the widget's number as the caller.
    expect(phone.calls.at(-1)?.peerUri).toContain(`sip:${WIDGET_NUMBER}@`);
    // The visitor hears the phone's tone (G.711 from the phone, WebRTC to the browser).
    expect(Math.abs((await heardFrequency(page, 'frontdesk-call')) - PHONE_HZ)).toBeLessThan(30);
    await page.locator('frontdesk-call .hangup').click();
    await waitPhase(page, 'ended');
    await phone.waitFor('CALL_CLOSED', 10_000);
    // And the phone heard the visitor's microphone.
    await expect.poll(() => phoneHeardVisitor(ANSWERS), { timeout: 10_000 }).toBe(true);
    const latest = await latestCall((status) => status === 'completed');
    expect(latest).toMatchObject({
      answeredNumber: ANSWERS,
      trunkId: s.trunk.id,
      operator: null,
      endedBy: 'visitor',
    });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('falls back to the external number when nobody answers in the console', async () => {
    await s.setCallSettings({ ringSeconds: 5, fallback: { kind: 'external', number: ANSWERS } });
    const desk = await operatorConsole(s.operatorBrowser, s.stage.platform.url);
    const phone = s.network.phone(ANSWERS);
    const { context, page } = await visitorPage();
    await call(page);
    // The console rings first and nobody answers it…
    const card = desk.locator('.call-card[data-state=ringing]');
    await card.waitFor({ timeout: 20_000 });
    // …then the phone takes the call.
    await waitPhase(page, 'in-call', 20_000);
    await phone.waitFor('CALL_ESTABLISHED', 10_000);
    await card.waitFor({ state: 'detached', timeout: 10_000 });
    expect(Math.abs((await heardFrequency(page, 'frontdesk-call')) - PHONE_HZ)).toBeLessThan(30);
    await page.locator('frontdesk-call .hangup').click();
    await phone.waitFor('CALL_CLOSED', 10_000);
    const latest = await latestCall((status) => status === 'completed');
    expect(latest).toMatchObject({ answeredNumber: ANSWERS, operator: null });
    await context.close();
    await desk.context().close();
  });

  it('rings a group’s console and an employee’s phone at once; the first to answer wins', async () => {
    const { store } = s.stage.platform.platform;
    const olga = await store.users.byEmail('operator2@demo.test');
    if (!olga) throw new Error('no operator2');
    await store.users.update(olga.id, { phone: OLGA_MOBILE });
    const desk = await operatorConsole(s.operatorBrowser, s.stage.platform.url);
    const mobile = s.network.phone(OLGA_MOBILE);
    const { context, page } = await visitorPage();
    await call(page);
    // Both ring…
    const card = desk.locator('.call-card[data-state=ringing]');
    await card.waitFor({ timeout: 20_000 });
    await mobile.waitFor('CALL_INCOMING', 10_000);
    // …Olga picks up her mobile: the console stops ringing, the visitor talks to her.
    await mobile.answer();
    await waitPhase(page, 'in-call');
    await card.waitFor({ state: 'detached', timeout: 10_000 });
    expect(Math.abs((await heardFrequency(page, 'frontdesk-call')) - MOBILE_HZ)).toBeLessThan(30);
    await page.locator('frontdesk-call .hangup').click();
    await mobile.waitFor('CALL_CLOSED', 10_000);
    await expect.poll(() => phoneHeardVisitor(OLGA_MOBILE), { timeout: 10_000 }).toBe(true);
    const latest = await latestCall((status) => status === 'completed');
    expect(latest).toMatchObject({
      answeredNumber: OLGA_MOBILE,
      operator: { id: olga.id, name: olga.name },
    });
    await context.close();
    await desk.context().close();
  });

  it('a busy number and one nobody answers end the call with their reason, kept in the history', async () => {
    await s.setCallSettings({ forwarding: { kind: 'external', number: BUSY } });
    const busy = await visitorPage();
    await call(busy.page);
    await waitPhase(busy.page, 'failed');
    expect([en.call.reasons.busy, ru.call.reasons.busy]).toContain(await statusText(busy.page));
    expect(await latestCall((status) => status !== 'ringing')).toMatchObject({
      status: 'busy',
      sipCode: 486,
    });
    await busy.context.close();

    await s.setCallSettings({ forwarding: { kind: 'external', number: NOBODY }, ringSeconds: 5 });
    const unanswered = await visitorPage();
    await call(unanswered.page);
    await s.network.phone(NOBODY).waitFor('CALL_INCOMING', 10_000);
    await waitPhase(unanswered.page, 'failed', 20_000);
    expect([en.call.reasons.no_answer, ru.call.reasons.no_answer]).toContain(
      await statusText(unanswered.page),
    );
    expect(await latestCall((status) => status !== 'ringing')).toMatchObject({
      status: 'no_answer',
    });
    // The phone stopped ringing: the edge cancelled it.
    await s.network.phone(NOBODY).waitFor('CALL_CLOSED', 10_000);
    await unanswered.context.close();
  });

  it('the SIP edge SIGKILLed during a trunk call: the restarted edge ends it with a BYE to the phone, the widget says the call was lost, the history keeps it once', async () => {
    await s.setCallSettings({
      forwarding: { kind: 'external', number: ANSWERS },
      outgoingNumber: WIDGET_NUMBER,
    });
    const edge = s.stage.platform.platform.sipEdge;
    if (!edge) throw new Error('no SIP edge');
    const phone = s.network.phone(ANSWERS);
    const { context, page } = await visitorPage();
    await call(page);
    await waitPhase(page, 'in-call');
    const established = await phone.waitFor('CALL_ESTABLISHED', 10_000);
    expect(Math.abs((await heardFrequency(page, 'frontdesk-call')) - PHONE_HZ)).toBeLessThan(30);
    const answered = await latestCall((status) => status === 'answered');
    expect(established.callId).toBe(answered.callId);
    const before = await killEdgeMidCall(s, answered.callId);
    // The restarted edge ends the call it lost: the phone gets a BYE.
    const closed = await phone.waitFor('CALL_CLOSED', ARRIVAL_MS);
    expect(closed.callId).toBe(answered.callId);
    expect(edge.status()).toMatchObject({ restarts: before.restarts + 1 });
    // The widget does not stay "in call": it tells the visitor the connection was lost.
    await waitPhase(page, 'failed', 20_000);
    expect([en.call.reasons.connection_lost, ru.call.reasons.connection_lost]).toContain(
      await statusText(page),
    );
    // The history has the call once: completed, ended by the edge (timeout) when the phone got
    // its BYE — the far end was connected until then.
    await expect
      .poll(async () => (await s.calls()).filter((c) => c.callId === answered.callId), {
        timeout: 10_000,
      })
      .toEqual([
        expect.objectContaining({
          id: answered.id,
          status: 'completed',
          answeredNumber: ANSWERS,
          endedBy: 'timeout',
        }),
      ]);
    const [lost] = (await s.calls()).filter((c) => c.callId === answered.callId);
    expect(lost?.endedAt).toBeGreaterThanOrEqual(lost?.answeredAt ?? Number.POSITIVE_INFINITY);
    await context.close();
  }, 150_000);

  it('the trunk is down: the visitor is told the line is unavailable, and the history (API and screen) has the reason', async () => {
    await s.setCallSettings({ forwarding: { kind: 'external', number: ANSWERS } });
    await s.network.carrier?.setDown(true);
    try {
      const { context, page } = await visitorPage();
      await call(page);
      await waitPhase(page, 'failed');
      expect([en.call.reasons.line_unavailable, ru.call.reasons.line_unavailable]).toContain(
        await statusText(page),
      );
      expect(await latestCall((status) => status !== 'ringing')).toMatchObject({
        status: 'failed',
        sipCode: 502,
        failReason: 'trunk_unavailable',
        answeredNumber: null,
      });
      await context.close();

      // The console's call history: a trunk call, found by its channel; its details say why.
      const { page: desk, pageErrors } = await signInToConsole(s.stage, 'operator@demo.test');
      await desk.getByRole('link', { name: 'Call history' }).click();
      await desk.getByLabel('Channel').selectOption({ label: 'Trunk call' });
      await desk.getByLabel('Result').selectOption({ label: 'Failed' });
      await desk.getByRole('button', { name: 'Apply' }).click();
      const row = desk.getByRole('row').filter({ hasText: 'Trunk call' }).first();
      await row.waitFor();
      expect(await row.textContent()).toContain('Failed');
      await row.getByRole('button').click();
      const details = desk.getByRole('region', { name: /^Call from / });
      const failure = details.locator('dt', { hasText: 'Failure' }).locator('+ dd');
      expect(await failure.textContent()).toBe('Trunk unavailable');
      expect(await axeViolations(desk)).toEqual([]);
      expect(pageErrors).toEqual([]);
      await desk.context().close();
    } finally {
      await s.network.carrier?.setDown(false);
    }
  });

  it('the Studio shows where a registering trunk stands: refused by the carrier, then registered', async () => {
    const carrier = s.network.carrier;
    if (!carrier) throw new Error('no carrier');
    const account = { username: 'frontdesk-e2e-reg', password: 'e2e-registering-password' };
    // The carrier expects another password first: it refuses the registration.
    await carrier.addTrunk({ ...account, password: 'the-carrier-expects-another' });
    const { store } = s.stage.platform.platform;
    const registering = await store.trunks.create({
      accountId: s.trunk.accountId,
      name: 'Registering',
      host: carrier.host,
      port: carrier.port,
      transport: 'udp',
      ...account,
      register: true,
      callerId: null,
      callerIdHeader: 'from',
      maxCalls: 1,
      // No number of the journeys above: they keep going through the demo trunk.
      destinations: ['375'],
      now: Date.now(),
    });
    const { page, pageErrors } = await signInToStudio(s.stage, 'admin@demo.test');
    try {
      await page.getByRole('link', { name: 'SIP trunks' }).click();
      /** The registration cell of the trunk, read again from the platform. */
      const shown = async () => {
        await page.reload();
        const row = page.getByRole('row').filter({
          has: page.getByRole('rowheader', { name: 'Registering' }),
        });
        return (await row.locator('[data-registration]').textContent())?.trim();
      };
      await expect
        .poll(shown, { timeout: 25_000, interval: 1_000 })
        .toBe('Failed: the provider refused the username or password');
      // The carrier takes the password now: the edge's next try registers.
      await carrier.addTrunk(account);
      await expect.poll(shown, { timeout: 45_000, interval: 2_000 }).toBe('Registered');
      expect(await carrier.registered(account.username)).toBe(true);
      expect(pageErrors).toEqual([]);
    } finally {
      await page.context().close();
      await store.trunks.delete(registering.id);
    }
  });
});
