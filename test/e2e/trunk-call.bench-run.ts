/**
 * The trunk call benchmark (`pnpm bench`, not part of CI's tests): the stage of the trunk journeys
 * (`trunk-call.e2e.test.ts`: platform with Kamailio and rtpengine, the demo site, the visitor's
 * Chromium, a phone network with its carrier) in a private network namespace. The demo call
 * widget forwards to an external number whose phone rings until the runner answers it; one visitor
 * page calls it 11 times (the first, which loads sip.js and starts the microphone, is not
 * timed). Per call: the call button's click (inside the page) → the phone's `CALL_INCOMING`
 * (its ctrl_tcp event, in the runner); the phone's answer (the runner's command) → the first
 * audio packet the visitor's page receives (`getStats()`), and → the first packet of the
 * visitor's audio reaching rtpengine on its way to the phone (polled over rtpengine's ng `query`
 * every 2 ms). Times are the machine's wall clock on both sides (page: `performance.timeOrigin +
 * performance.now()`). Results: `trunk-call.json` in the bench cache, rendered by
 * scripts/bench.mjs into BENCHMARKS.md.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Bencoded, ngCommand } from '../../packages/platform/src/calls/sip/rtpengine-ng';
import { waitPhase } from './call-helpers.ts';
import { clearMarks, marksOnceHeard, median, probe } from './call-probe.ts';
import { startTrunkStage, type TrunkStage } from './trunk-helpers.ts';

const PHONE = '+74951110001';
const TIMED_CALLS = 10;
const HOLD_MS = 1000;
const root = resolve(import.meta.dirname, '../..');
const out =
  process.env.FRONTDESK_TRUNK_BENCH_OUT ??
  join(root, 'node_modules/.cache/frontdesk-bench/trunk-call.json');

let s: TrunkStage;

beforeAll(async () => {
  s = await startTrunkStage([{ number: PHONE, answer: 'manual' }]);
  await s.setCallSettings({ forwarding: { kind: 'external', number: PHONE } });
}, 120_000);

afterAll(() => s?.stop());

/** Wall-clock milliseconds now, as the page's times are converted. */
const wallNow = () => performance.timeOrigin + performance.now();

/** Packets rtpengine received from the visitor in call `callId` (the offerer's tag: no branch). */
async function visitorPackets(callId: string): Promise<number> {
  const ngPort = s.stage.platform.platform.sipEdge?.status().media.ngPort ?? 0;
  const answer = await ngCommand(ngPort, { command: 'query', 'call-id': callId });
  const tags = (answer.tags ?? {}) as Record<string, Record<string, Bencoded>>;
  let packets = 0;
  for (const tag of Object.values(tags)) {
    if (tag['via-branch'] !== undefined) continue;
    for (const media of (tag.medias ?? []) as Record<string, Bencoded>[]) {
      for (const stream of (media.streams ?? []) as Record<string, Bencoded>[]) {
        packets += Number((stream.stats as Record<string, Bencoded> | undefined)?.packets ?? 0);
      }
    }
  }
  return packets;
}

it(`${TIMED_CALLS + 1} calls to a phone through the trunk`, { timeout: 600_000 }, async () => {
  const phone = s.network.phone(PHONE);
  let ringAt = 0;
  let ringingCall = '';
  phone.onEvent((event) => {
    if (event.type === 'CALL_INCOMING') {
      ringAt = wallNow();
      ringingCall = event.callId ?? '';
    }
  });
  const context = await s.visitorBrowser.newContext({ locale: 'en-GB', timezoneId: 'Asia/Tokyo' });
  await context.addInitScript(probe);
  const page = await context.newPage();
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(`${s.stage.site}/call.html`);
  await page.locator('frontdesk-call .launcher').click();
  const pageOrigin = await page.evaluate(() => performance.timeOrigin);

  const calls: { clickToRing: number; answerToVisitorAudio: number; answerToPhoneAudio: number }[] =
    [];
  for (let i = 0; i <= TIMED_CALLS; i++) {
    await clearMarks(page);
    ringAt = 0;
    await page.locator('frontdesk-call [role=dialog] .send').click();
    await expect.poll(() => ringAt, { timeout: 20_000 }).toBeGreaterThan(0);
    const answerAt = wallNow();
    await phone.answer();
    let phoneAudioAt = 0;
    for (const deadline = Date.now() + 10_000; Date.now() < deadline; ) {
      if ((await visitorPackets(ringingCall)) > 0) {
        phoneAudioAt = wallNow();
        break;
      }
      await new Promise((done) => setTimeout(done, 2));
    }
    const marks = await marksOnceHeard(page);
    const click = pageOrigin + (marks.clicks.at(-1) ?? Number.NaN);
    const audio = pageOrigin + (marks.audio[0] ?? Number.NaN);
    if (i > 0) {
      calls.push({
        clickToRing: ringAt - click,
        answerToVisitorAudio: audio - answerAt,
        answerToPhoneAudio: phoneAudioAt > 0 ? phoneAudioAt - answerAt : Number.NaN,
      });
      console.log(`call ${i}:`, JSON.stringify(calls.at(-1)));
    }
    await page.waitForTimeout(HOLD_MS);
    await page.locator('frontdesk-call .hangup').click();
    await waitPhase(page, 'ended');
    await phone.waitFor('CALL_CLOSED', 10_000);
  }
  expect(errors).toEqual([]);
  for (const row of calls) {
    for (const value of Object.values(row)) expect(Number.isFinite(value)).toBe(true);
  }
  const cell = (values: number[]) =>
    `${Math.round(median(values))} ms (${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))})`;
  const result = {
    method: `the stage of \`test/e2e/trunk-call.e2e.test.ts\` (platform with its SIP edge — Kamailio and rtpengine —, the demo site, the built widgets, a phone network: a Kamailio carrier demanding digest auth and baresip phones), all on loopback in a private network namespace; headless Chromium ${s.visitorBrowser.version()} with a fake tone microphone. The demo call widget forwards to an external number behind the trunk; one visitor page calls it ${TIMED_CALLS + 1} times (the first, which loads sip.js and starts the microphone, is not timed); each call rings until the runner answers the phone, is held ${HOLD_MS / 1000} s and hung up by the visitor. Click → ring: the call button's click inside the page to the phone's \`CALL_INCOMING\` event (baresip's ctrl_tcp). Answer → audio: the runner's answer command to the first audio packet the visitor's page receives (\`getStats()\`, polled every few ms), and to the first packet of the visitor's audio rtpengine relays towards the phone (ng \`query\`, polled every 2 ms). Wall-clock times on both sides. Runner: \`test/e2e/trunk-call.bench-run.ts\` (Vitest project \`bench\`).`,
    columns: [`measure (calls 2–${TIMED_CALLS + 1})`, 'median (min–max)'],
    rows: [
      ['click → the external phone rings', cell(calls.map((c) => c.clickToRing))],
      ['answer → first audio at the visitor', cell(calls.map((c) => c.answerToVisitorAudio))],
      [
        'answer → first visitor audio relayed to the phone',
        cell(calls.map((c) => c.answerToPhoneAudio)),
      ],
    ],
    perCall: calls,
  };
  console.log(result.rows.map((row) => row.join(' | ')).join('\n'));
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
  await context.close();
});
