/**
 * The automatic callback, end to end: a visitor orders a call in the callback widget in Chromium;
 * the platform (its SIP edge: Kamailio, rtpengine, the third-party call controller) calls the
 * employee's external phone first — a baresip phone of the phone network, behind a carrier that
 * demands digest auth from the demo account's trunk — showing the order's name and number, and
 * once the employee answers, the visitor's phone (another baresip phone) with the widget's
 * outgoing number; each hears the other's tone. A slot order rings at the slot's start on the
 * platform's clock; a busy visitor is called again by the retry policy; a visitor who never
 * answers ends, after the last attempt, as a console card and an e-mail to the policy's
 * addresses. An operator's console softphone in Chromium is called too (without SDP: sip.js
 * offers in its 200): the operator answers there, the visitor's phone rings, and each hears the
 * other through rtpengine (WebRTC on the console's side, G.711 on the phone's). The edge's
 * Kamailio SIGKILLed mid-callback: the attempt ends failed and the order is called again by the
 * policy through the restarted edge, once, and connected. Run it in a private network namespace
 * (`test/e2e/netns.sh`).
 */

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type CallbackSettings,
  type CallHistoryEntry,
  defaultSettings,
  type OrderDetail,
  type RetryPolicy,
} from '../../packages/config/src/index.ts';
import { hasTone } from '../../packages/phone-network/src/index.ts';
import { ARRIVAL_MS } from '../../packages/platform/test/support/arrival.ts';
import { readMail, smtpReceiver } from '../../packages/platform/test/support/smtp.ts';
import { heardFrequency, OPERATOR_HZ, operatorConsole } from './call-helpers.ts';
import {
  ALWAYS_OPEN,
  adminFetch,
  LOOPBACK,
  openWidget,
  signInToConsole,
  visit,
} from './harness.ts';
import {
  killEdgeMidCall,
  startTrunkStage,
  type TrunkStage,
  WIDGET_NUMBER,
} from './trunk-helpers.ts';

/** operator@demo.test's mobile: the addressee of the widget's orders. */
const EMPLOYEE = '+74951110011';
/**
 * The visitors' phones: one who answers, one who rejects first, one who never answers, one whose
 * first call the edge loses.
 */
const VISITOR = '+74951110012';
const CHOOSY = '+74951110013';
const SILENT = '+74951110014';
const LOST = '+74951110015';
const EMPLOYEE_HZ = 1000;
const VISITOR_HZ = 1600;
const NAME = 'Ivan';

/** The platform's outgoing e-mail lands here. */
const smtp = smtpReceiver();
let s: TrunkStage;

beforeAll(async () => {
  s = await startTrunkStage(
    [
      { number: EMPLOYEE, answer: 'manual', toneHz: EMPLOYEE_HZ },
      { number: VISITOR, answer: 'manual', toneHz: VISITOR_HZ },
      { number: CHOOSY, answer: 'manual', toneHz: VISITOR_HZ },
      { number: SILENT, answer: 'manual' },
      { number: LOST, answer: 'manual', toneHz: VISITOR_HZ },
    ],
    [],
    { SMTP_URL: await smtp.start() },
  );
  const { store } = s.stage.platform.platform;
  const operator = await store.users.byEmail('operator@demo.test');
  if (!operator) throw new Error('no operator@demo.test');
  await store.users.update(operator.id, { phone: EMPLOYEE });
}, 120_000);

afterAll(async () => {
  await s?.stop();
  await smtp.stop();
});

// Every journey orders at the real time: the widget offers its slots by the browser's clock.
beforeEach(() => s.stage.clock.set(new Date().toISOString()));

let widgets = 0;

/**
 * A callback widget of the demo account, open around the clock, calling operator@demo.test's
 * phone with the widget's outgoing number, by `retries`; its id, key and name.
 */
async function autoWidget(retries: Partial<RetryPolicy> = {}) {
  const { store } = s.stage.platform.platform;
  const operator = await store.users.byEmail('operator@demo.test');
  if (!operator) throw new Error('no operator@demo.test');
  const defaults = defaultSettings('callback') as CallbackSettings;
  const settings: CallbackSettings = {
    ...defaults,
    allowedOrigins: LOOPBACK,
    schedule: { ...defaults.schedule, week: ALWAYS_OPEN, holidays: false, preHoliday: false },
    mode: {
      kind: 'automatic',
      addressee: { kind: 'employee', id: operator.id },
      outgoingNumber: WIDGET_NUMBER,
      directions: { local: true, national: true, international: false },
      retries: {
        attempts: 3,
        intervalMinutes: 5,
        ringSeconds: 30,
        notify: { emails: [], smsNumbers: [] },
        ...retries,
      },
    },
  };
  const name = `Auto callback ${++widgets}`;
  const widget = await store.widgets.create({
    accountId: s.trunk.accountId,
    type: 'callback',
    name,
    settings,
    now: s.stage.clock().getTime(),
  });
  return { id: widget.id, key: widget.key, name };
}

/**
 * The visitor orders in the widget on the demo site: `phone`, the name, and "right now" or the
 * first slot the picker offers. The order's slot (null for "now") once the widget confirms it.
 */
async function orderInWidget(key: string, phone: string, when: 'now' | 'first slot') {
  const v = await visit(s.stage, `/callback.html?widget=${key}`);
  await openWidget(v.page);
  await v.page.locator('frontdesk-callback #fd-phone').fill(phone);
  await v.page.locator('frontdesk-callback #fd-name').fill(NAME);
  const picker = v.page.locator('frontdesk-callback #fd-when');
  const values = await picker
    .locator('option')
    .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
  const value = when === 'now' ? 'now' : values.find((v) => v !== 'now' && v !== '');
  if (!value || !values.includes(value)) throw new Error(`the widget offers no ${when}`);
  await picker.selectOption(value);
  await v.page.locator('frontdesk-callback .send').click();
  await v.page.locator('frontdesk-callback .done').waitFor();
  expect(v.pageErrors).toEqual([]);
  await v.context.close();
  return value === 'now' ? null : Date.parse(value);
}

/** The newest order of the demo account for `phone`. */
async function orderOf(phone: string) {
  const { store } = s.stage.platform.platform;
  const orders = await store.orders.open(s.trunk.accountId, 500);
  const found = orders
    .filter((order) => order.phone === phone)
    .sort((a, b) => b.createdAt - a.createdAt);
  if (!found[0]) throw new Error(`no open order for ${phone}`);
  return found[0];
}

/** The notes of the order's events, oldest first. */
async function notes(id: string) {
  return (await s.stage.platform.platform.store.orders.events(id)).map((event) => event.note);
}

/** The employee's phone rings showing the order; they pick up. The call's established event. */
async function employeeAnswers(visitor: string) {
  const employee = s.network.phone(EMPLOYEE);
  const incoming = await employee.waitFor('CALL_INCOMING', 15_000);
  expect(incoming.peerName).toBe(`${NAME} ${visitor}`);
  expect(incoming.peerUri).toContain(`sip:${visitor}@`);
  await employee.answer();
  return employee.waitFor('CALL_ESTABLISHED', 10_000);
}

/** Whether `number`'s newest recording carries a tone at `hz`. */
async function heard(number: string, hz: number) {
  const recording = await s.network.phone(number).lastRecording();
  return recording !== undefined && (await hasTone(recording, hz));
}

/** Both phones are connected: each hears the other's tone, then the visitor hangs up. */
async function talkAndHangUp(visitor: string) {
  const phone = s.network.phone(visitor);
  await phone.waitFor('CALL_ESTABLISHED', 10_000);
  await expect.poll(() => heard(EMPLOYEE, VISITOR_HZ), { timeout: 15_000 }).toBe(true);
  await expect.poll(() => heard(visitor, EMPLOYEE_HZ), { timeout: 15_000 }).toBe(true);
  await phone.hangup();
  await s.network.phone(EMPLOYEE).waitFor('CALL_CLOSED', 10_000);
  await s.stage.platform.platform.workers.callbacksSettled();
}

describe('the automatic callback, ordered in the widget', () => {
  it('"call me now": the employee’s phone rings with the order’s name and number, then the visitor’s with the widget’s number; tones both ways; the order is done', async () => {
    const { key } = await autoWidget();
    expect(await orderInWidget(key, VISITOR, 'now')).toBeNull();
    const order = await orderOf(VISITOR);
    expect(await s.stage.platform.platform.workers.runDue()).toBe(1);
    await employeeAnswers(VISITOR);
    const visitor = s.network.phone(VISITOR);
    const incoming = await visitor.waitFor('CALL_INCOMING', 15_000);
    expect(incoming.peerUri).toContain(`sip:${WIDGET_NUMBER}@`);
    await visitor.answer();
    await talkAndHangUp(VISITOR);
    expect(await s.stage.platform.platform.store.orders.get(order.id)).toMatchObject({
      status: 'done',
    });
    expect((await notes(order.id)).at(-1)).toMatch(/^Attempt 1 of 3: answered, talked \d+ s$/);
    // The attempt is a trunk call of the history, to the visitor's number.
    const [call] = await s.calls();
    expect(call).toMatchObject({ answeredNumber: VISITOR, trunkId: s.trunk.id });
  }, 90_000);

  it('a slot order: nothing rings before the slot’s start on the platform’s clock, the employee’s phone at it', async () => {
    const { key } = await autoWidget();
    const slot = await orderInWidget(key, VISITOR, 'first slot');
    if (slot === null) throw new Error('no slot ordered');
    const order = await orderOf(VISITOR);
    expect(order.slot).toBe(slot);
    const employee = s.network.phone(EMPLOYEE);
    const before = employee.calls.length;
    s.stage.clock.set(new Date(slot - 1).toISOString());
    expect(await s.stage.platform.platform.workers.runDue()).toBe(0);
    expect(employee.calls).toHaveLength(before);
    s.stage.clock.set(new Date(slot).toISOString());
    expect(await s.stage.platform.platform.workers.runDue()).toBe(1);
    await employeeAnswers(VISITOR);
    const visitor = s.network.phone(VISITOR);
    await visitor.waitFor('CALL_INCOMING', 15_000);
    await visitor.answer();
    await talkAndHangUp(VISITOR);
    expect(await s.stage.platform.platform.store.orders.get(order.id)).toMatchObject({
      status: 'done',
      ringingAt: slot,
    });
  }, 90_000);

  it('the visitor busy: the attempt is recorded, the order is called again at the policy’s interval, and answered', async () => {
    const { key } = await autoWidget();
    await orderInWidget(key, CHOOSY, 'now');
    const order = await orderOf(CHOOSY);
    const { workers } = s.stage.platform.platform;
    expect(await workers.runDue()).toBe(1);
    await employeeAnswers(CHOOSY);
    const choosy = s.network.phone(CHOOSY);
    await choosy.waitFor('CALL_INCOMING', 15_000);
    // Rejected: baresip answers 486 Busy Here; the platform hangs up on the employee.
    await choosy.hangup();
    await s.network.phone(EMPLOYEE).waitFor('CALL_CLOSED', 10_000);
    await workers.callbacksSettled();
    expect((await notes(order.id)).at(-1)).toBe(
      "Attempt 1 of 3: the visitor's line was busy; calling again in 5 min",
    );
    s.stage.clock.advance(5 * 60_000 - 1);
    expect(await workers.runDue()).toBe(0);
    s.stage.clock.advance(1);
    expect(await workers.runDue()).toBe(1);
    await employeeAnswers(CHOOSY);
    await choosy.waitFor('CALL_INCOMING', 15_000);
    await choosy.answer();
    await talkAndHangUp(CHOOSY);
    expect(await s.stage.platform.platform.store.orders.get(order.id)).toMatchObject({
      status: 'done',
    });
    expect((await notes(order.id)).at(-1)).toMatch(/^Attempt 2 of 3: answered/);
  }, 120_000);

  it('no answer three times: the order rings the employee’s console as a card and the policy’s address gets an e-mail', async () => {
    const { key, name } = await autoWidget({
      ringSeconds: 5,
      intervalMinutes: 1,
      notify: { emails: ['boss@corp.example'], smsNumbers: [] },
    });
    const { page: desk, pageErrors } = await signInToConsole(s.stage, 'operator@demo.test');
    await orderInWidget(key, SILENT, 'now');
    const order = await orderOf(SILENT);
    const { workers } = s.stage.platform.platform;
    const silent = s.network.phone(SILENT);
    for (let attempt = 1; attempt <= 3; attempt++) {
      if (attempt > 1) s.stage.clock.advance(60_000);
      expect(await workers.runDue()).toBe(1);
      await employeeAnswers(SILENT);
      await silent.waitFor('CALL_INCOMING', 15_000);
      // Nobody picks up: the platform gives up on the visitor and hangs up on the employee.
      await s.network.phone(EMPLOYEE).waitFor('CALL_CLOSED', 20_000);
      await workers.callbacksSettled();
    }
    expect((await notes(order.id)).slice(-3)).toEqual([
      'Attempt 1 of 3: the visitor did not answer; calling again in 1 min',
      'Attempt 2 of 3: the visitor did not answer; calling again in 1 min',
      'Attempt 3 of 3: the visitor did not answer; the operators and the staff notified take it over',
    ]);
    // The console rings the order as a card…
    await desk.getByText(`Callback order ringing: ${SILENT} on ${name}`).waitFor();
    // …and the e-mail goes out to the policy's address, with the visitor's number, in the
    // account's language (the demo account's is Russian, the default).
    await workers.sendOutbox();
    const mail = smtp.mails.find((m) => m.to.includes('boss@corp.example'));
    const { subject, text } = readMail(mail?.data ?? '');
    expect(subject).toBe(`Не дозвонились за 3 звонка: Заказ обратного звонка: ${SILENT} (${NAME})`);
    expect(text).toContain(SILENT);
    // Nothing is called any more.
    s.stage.clock.advance(60 * 60_000);
    expect(await workers.runDue()).toBe(0);
    expect(pageErrors).toEqual([]);
    await desk.context().close();
  }, 180_000);
});

describe('the console softphone as the addressee', () => {
  it('"call me now": the operator’s console rings with the order beside their phone, the operator answers there, the visitor’s phone rings with the widget’s number; tones both ways', async () => {
    const { key, name } = await autoWidget();
    const { store, workers } = s.stage.platform.platform;
    const desk = await operatorConsole(s.operatorBrowser, s.stage.platform.url);
    await orderInWidget(key, VISITOR, 'now');
    const order = await orderOf(VISITOR);
    expect(await workers.runDue()).toBe(1);
    // The console and the employee's phone ring at once.
    const card = desk.locator('.call-card[data-kind=callback][data-state=ringing]');
    await card.waitFor({ timeout: 15_000 });
    expect(await card.locator('h3').textContent()).toBe(`Automatic callback — ${name}`);
    expect(await card.locator('[data-field=order]').textContent()).toBe(`${NAME}, ${VISITOR}`);
    const employee = s.network.phone(EMPLOYEE);
    await employee.waitFor('CALL_INCOMING', 15_000);
    await card.getByRole('button', { name: 'Answer' }).click();
    // The console won: the phone stops ringing.
    await employee.waitFor('CALL_CLOSED', 10_000);
    const visitor = s.network.phone(VISITOR);
    const incoming = await visitor.waitFor('CALL_INCOMING', 15_000);
    expect(incoming.peerUri).toContain(`sip:${WIDGET_NUMBER}@`);
    await visitor.answer();
    await visitor.waitFor('CALL_ESTABLISHED', 10_000);
    await desk.locator('.call-card[data-kind=callback][data-state=answered]').waitFor();
    // The operator hears the visitor's phone; the phone hears the operator's microphone.
    expect(Math.abs((await heardFrequency(desk, null)) - VISITOR_HZ)).toBeLessThan(30);
    await expect.poll(() => heard(VISITOR, OPERATOR_HZ), { timeout: 15_000 }).toBe(true);
    await desk.locator('.call-card').getByRole('button', { name: 'Hang up' }).click();
    await visitor.waitFor('CALL_CLOSED', 10_000);
    await workers.callbacksSettled();
    const operator = await store.users.byEmail('operator@demo.test');
    expect(await store.orders.get(order.id)).toMatchObject({
      status: 'done',
      operator: { id: operator?.id },
    });
    await desk.context().close();
  }, 120_000);
});

describe('the SIP edge SIGKILLed mid-callback', () => {
  it('the employee talking, the visitor’s phone ringing: the attempt ends failed, the order is called again at the policy’s interval through the restarted edge — one call each time — and connected; one order, done, every attempt in its story and the call history', async () => {
    const { id: widgetId, key } = await autoWidget({ ringSeconds: 10 });
    const { store, workers } = s.stage.platform.platform;
    const edge = s.stage.platform.platform.sipEdge;
    const carrier = s.network.carrier;
    if (!edge || !carrier) throw new Error('no SIP edge or no carrier');
    const admin = await adminFetch(s.stage);
    /** The order's story as the admin API tells it: the attempts' notes. */
    const attempts = async (id: string) =>
      ((await (await admin(`/v1/admin/orders/${id}`)).json()) as OrderDetail).events
        .map((event) => event.note)
        .filter((note) => note !== null);
    /** The widget's lines of the call history (API): its orders and its calls' attempts. */
    const history = async (channel: 'callback' | 'trunk') =>
      (
        (await (
          await admin(`/v1/admin/call-history?widget=${widgetId}&channel=${channel}`)
        ).json()) as { items: CallHistoryEntry[] }
      ).items;
    await orderInWidget(key, LOST, 'now');
    const order = await orderOf(LOST);
    const employee = s.network.phone(EMPLOYEE);
    const lost = s.network.phone(LOST);
    expect(await workers.runDue()).toBe(1);
    const established = await employeeAnswers(LOST);
    await lost.waitFor('CALL_INCOMING', 15_000);
    // The moment the platform's own test kills it: the employee's leg is up and the visitor's
    // phone rings — the attempt is not answered yet, so the order must be called again (once the
    // visitor answered, the attempt is answered and the order done: a lost connected call is
    // trunk-call.e2e.test.ts's journey).
    const before = await killEdgeMidCall(s, established.callId ?? '');
    // The restarted edge ends the call it lost: the employee's phone gets a BYE.
    await employee.waitFor('CALL_CLOSED', ARRIVAL_MS);
    expect(edge.status()).toMatchObject({ restarts: before.restarts + 1 });
    // The visitor's leg never gets a final answer through the new Kamailio: the controller gives
    // it up 32 s after its CANCEL and the attempt failed; the order waits for the policy's interval.
    await workers.callbacksSettled();
    expect(await attempts(order.id)).toEqual([
      'Attempt 1 of 3: the call failed; calling again in 5 min',
    ]);
    expect(await history('trunk')).toEqual([
      expect.objectContaining({ caller: LOST, result: 'failed' }),
    ]);
    // The new Kamailio had nothing to cancel: the visitor's phone rang on, and they decline it
    // (unless the carrier gave up on it first).
    if (lost.calls.at(-1)?.closedReason === undefined) await lost.hangup();
    await lost.waitFor('CALL_CLOSED', 20_000);
    // Not a second call before the policy's interval, then exactly one attempt.
    s.stage.clock.advance(5 * 60_000 - 1);
    expect(await workers.runDue()).toBe(0);
    const invited = (await carrier.invites()).length;
    s.stage.clock.advance(1);
    expect(await workers.runDue()).toBe(1);
    await employeeAnswers(LOST);
    const incoming = await lost.waitFor('CALL_INCOMING', 15_000);
    expect(incoming.peerUri).toContain(`sip:${WIDGET_NUMBER}@`);
    await lost.answer();
    await talkAndHangUp(LOST);
    // One call to each phone for the retry, never two at once.
    expect((await carrier.invites()).slice(invited).map((invite) => invite.number)).toEqual([
      EMPLOYEE,
      LOST,
    ]);
    expect(await store.orders.get(order.id)).toMatchObject({ status: 'done' });
    expect(await attempts(order.id)).toEqual([
      'Attempt 1 of 3: the call failed; calling again in 5 min',
      expect.stringMatching(/^Attempt 2 of 3: answered, talked \d+ s$/),
    ]);
    // The call history: the order once (done), and both attempts, newest first.
    expect(await history('callback')).toEqual([
      expect.objectContaining({ id: order.id, caller: LOST, result: 'answered' }),
    ]);
    expect((await history('trunk')).map(({ caller, result }) => ({ caller, result }))).toEqual([
      { caller: LOST, result: 'answered' },
      { caller: LOST, result: 'failed' },
    ]);
  }, 240_000);
});
