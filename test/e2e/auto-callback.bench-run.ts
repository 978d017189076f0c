/**
 * The automatic callback benchmark (`pnpm bench`, not part of CI's tests): the stage of
 * `auto-callback.e2e.test.ts` (platform with Kamailio, rtpengine and the callback controller, the
 * demo site, Chromium, a phone network with its carrier) in a private network namespace, the
 * platform's workers on their timer as in production (a new order wakes them at once). A visitor
 * orders "call me now" in the callback widget 11 times (the first, which loads the form, is not
 * timed); the widget's addressee is an employee whose external phone the runner answers. Per
 * order: the runner's click on the widget's send button → the employee's phone `CALL_INCOMING`
 * (its ctrl_tcp event); the runner's answer command on that phone → the visitor's phone
 * `CALL_INCOMING`. Wall-clock times of the runner on both sides. Results: `auto-callback.json`
 * in the bench cache, rendered by scripts/bench.mjs into BENCHMARKS.md beside the 30 seconds
 * the source's own widget promises.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type CallbackSettings, defaultSettings } from '../../packages/config/src/index.ts';
import type { PhoneEvent } from '../../packages/phone-network/src/index.ts';
import { median } from './call-probe.ts';
import { ALWAYS_OPEN, LOOPBACK, openWidget } from './harness.ts';
import { startTrunkStage, type TrunkStage, WIDGET_NUMBER } from './trunk-helpers.ts';

const EMPLOYEE = '+74951110011';
const VISITOR = '+74951110012';
const TIMED_ORDERS = 10;
const root = resolve(import.meta.dirname, '../..');
const out =
  process.env.FRONTDESK_AUTO_CALLBACK_BENCH_OUT ??
  join(root, 'node_modules/.cache/frontdesk-bench/auto-callback.json');

let s: TrunkStage;
let key = '';

beforeAll(async () => {
  s = await startTrunkStage(
    [
      { number: EMPLOYEE, answer: 'manual' },
      { number: VISITOR, answer: 'manual' },
    ],
    [],
    // Workers on a timer, so that each order wakes them; the same number orders 11 times.
    { WORKER_INTERVAL_MS: '60000', ORDER_LIMIT_PER_PHONE: '1000', ORDER_LIMIT_PER_IP: '1000' },
  );
  const { store } = s.stage.platform.platform;
  const operator = await store.users.byEmail('operator@demo.test');
  if (!operator) throw new Error('no operator@demo.test');
  await store.users.update(operator.id, { phone: EMPLOYEE });
  const defaults = defaultSettings('callback') as CallbackSettings;
  const widget = await store.widgets.create({
    accountId: s.trunk.accountId,
    type: 'callback',
    name: 'Auto callback bench',
    settings: {
      ...defaults,
      allowedOrigins: LOOPBACK,
      schedule: { ...defaults.schedule, week: ALWAYS_OPEN, holidays: false, preHoliday: false },
      mode: {
        kind: 'automatic',
        addressee: { kind: 'employee', id: operator.id },
        outgoingNumber: WIDGET_NUMBER,
        directions: { local: true, national: true, international: false },
      },
    },
    now: s.stage.clock().getTime(),
  });
  key = widget.key;
}, 120_000);

afterAll(() => s?.stop());

/** Wall-clock milliseconds now. */
const wallNow = () => performance.timeOrigin + performance.now();

/** When `number`'s phone next shows `type` (from now on), by the runner's clock. */
function nextEvent(number: string, type: string): Promise<number> {
  return new Promise((resolve) => {
    const stop = s.network.phone(number).onEvent((event: PhoneEvent) => {
      if (event.type !== type) return;
      stop();
      resolve(wallNow());
    });
  });
}

it(`${TIMED_ORDERS + 1} "call me now" orders called back`, { timeout: 600_000 }, async () => {
  const employee = s.network.phone(EMPLOYEE);
  const visitor = s.network.phone(VISITOR);
  const context = await s.stage.browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  const orders: { orderToAddresseeRings: number; answerToVisitorRings: number }[] = [];
  for (let i = 0; i <= TIMED_ORDERS; i++) {
    await page.goto(`${s.stage.site}/callback.html?widget=${key}`);
    await openWidget(page);
    await page.locator('frontdesk-callback #fd-phone').fill(VISITOR);
    await page.locator('frontdesk-callback #fd-when').selectOption('now');
    const rings = nextEvent(EMPLOYEE, 'CALL_INCOMING');
    const orderedAt = wallNow();
    await page.locator('frontdesk-callback .send').click();
    const addresseeRingsAt = await rings;
    const visitorRings = nextEvent(VISITOR, 'CALL_INCOMING');
    const answeredAt = wallNow();
    await employee.answer();
    const visitorRingsAt = await visitorRings;
    if (i > 0) {
      orders.push({
        orderToAddresseeRings: addresseeRingsAt - orderedAt,
        answerToVisitorRings: visitorRingsAt - answeredAt,
      });
      console.log(`order ${i}:`, JSON.stringify(orders.at(-1)));
    }
    // The visitor picks up and hangs up: the attempt ends answered, the employee is hung up.
    const closed = nextEvent(EMPLOYEE, 'CALL_CLOSED');
    await visitor.answer();
    await visitor.waitFor('CALL_ESTABLISHED', 10_000);
    await visitor.hangup();
    await closed;
    await s.stage.platform.platform.workers.callbacksSettled();
  }
  expect(errors).toEqual([]);
  for (const row of orders) {
    for (const value of Object.values(row)) expect(Number.isFinite(value)).toBe(true);
  }
  const cell = (values: number[]) =>
    `${Math.round(median(values))} ms (${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))})`;
  const result = {
    method: `the stage of \`test/e2e/auto-callback.e2e.test.ts\` (platform with its SIP edge — Kamailio, rtpengine and the callback controller —, the demo site, the built widgets, a phone network: a Kamailio carrier demanding digest auth and baresip phones), all on loopback in a private network namespace, the platform's workers on their timer (a new order wakes them at once); headless Chromium ${s.stage.browser.version()}. A visitor orders "call me now" in an automatic callback widget ${TIMED_ORDERS + 1} times (the first, which loads the form, is not timed); its addressee is an employee whose external phone the runner answers, after which the visitor's phone rings, is answered and hung up. Order → addressee rings: the runner's click on the widget's send button to the employee's phone \`CALL_INCOMING\` (baresip's ctrl_tcp). Addressee answers → visitor rings: the runner's answer command on the employee's phone to the visitor's phone \`CALL_INCOMING\`. The source's own widget promises a call within 30 seconds (30 000 ms). Runner: \`test/e2e/auto-callback.bench-run.ts\` (Vitest project \`bench\`).`,
    columns: [`measure (orders 2–${TIMED_ORDERS + 1})`, 'median (min–max)'],
    rows: [
      ['order → the addressee’s phone rings', cell(orders.map((o) => o.orderToAddresseeRings))],
      [
        'the addressee answers → the visitor’s phone rings',
        cell(orders.map((o) => o.answerToVisitorRings)),
      ],
      ['the source’s own widget promises a call within', '30000 ms'],
    ],
    perOrder: orders,
  };
  console.log(result.rows.map((row) => row.join(' | ')).join('\n'));
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
  await context.close();
});
