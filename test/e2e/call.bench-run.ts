/**
 * The call benchmark (`pnpm bench`, not part of CI's tests): the same stage as the call journey
 * (platform with its SIP edge, demo site, two Chromium processes with tone microphones) in a
 * private network namespace. One visitor page places 20 calls in a row; the operator's console
 * answers each as soon as it rings; each call is held about 1 s, then the visitor hangs up.
 * Times are taken inside the visitor page with `performance.now()`: the call button's click, the
 * first SIP INVITE sent on its WebSocket, the 200 OK to that INVITE received, and the first
 * moment `getStats()` shows an inbound audio RTP packet. After every call, after a forced
 * garbage collection (CDP): the page's JS heap, and how many call objects are still alive
 * (peer connections, media streams, WebSockets, audio contexts — CDP `Runtime.queryObjects`).
 * Heap snapshots after the first and the last call split the heap's growth into compiled code
 * (V8 optimising hot functions: it levels off) and everything else (objects a call left behind).
 * Results go to a JSON file (`FRONTDESK_BENCH_OUT`) that scripts/bench.mjs renders into
 * BENCHMARKS.md.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { operatorConsole, startCallStage, waitPhase } from './call-helpers.ts';
import { clearMarks, marksOnceHeard, median, probe } from './call-probe.ts';
import type { Stage } from './harness.ts';

const CALLS = 20;
/** Timings are the medians of the first this many calls. */
const TIMED_CALLS = 10;
const HOLD_MS = 1000;
const out = process.env.FRONTDESK_BENCH_OUT ?? join(tmpdir(), 'frontdesk-call-bench.json');

let stage: Stage;
let visitorBrowser: Browser;
let operatorBrowser: Browser;
let stopCallStage: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({
    stage,
    visitorBrowser,
    operatorBrowser,
    stop: stopCallStage,
  } = await startCallStage(['--enable-precise-memory-info']));
});

afterAll(() => stopCallStage?.());

/** The console answers every ringing call itself, from inside the page. */
async function autoAnswer(desk: Page) {
  await desk.evaluate(() => {
    const answered = new Set<string>();
    const answer = () => {
      for (const card of document.querySelectorAll('.call-card[data-state=ringing]')) {
        const id = card.getAttribute('data-call-id') ?? '';
        if (answered.has(id)) continue;
        const button = [...card.querySelectorAll('button')].find((b) => b.textContent === 'Answer');
        if (!button) continue;
        answered.add(id);
        button.click();
      }
    };
    new MutationObserver(answer).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
    });
  });
}

/** Least-squares slope of `values` against their index. */
const slope = (values: number[]) => {
  const n = values.length;
  const meanX = (n - 1) / 2;
  const meanY = values.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  values.forEach((y, x) => {
    num += (x - meanX) * (y - meanY);
    den += (x - meanX) ** 2;
  });
  return den ? num / den : 0;
};

/** The call objects the page could leak, by the global that constructs them. */
const CALL_OBJECTS = ['RTCPeerConnection', 'MediaStream', 'WebSocket', 'AudioContext'] as const;
type LiveCounts = Record<(typeof CALL_OBJECTS)[number], number>;

/** How many instances of each of {@link CALL_OBJECTS} the page's heap holds now. */
async function liveObjects(cdp: CDPSession): Promise<LiveCounts> {
  const counts = {} as LiveCounts;
  for (const name of CALL_OBJECTS) {
    const prototype = await cdp.send('Runtime.evaluate', {
      expression: `${name}.prototype`,
      objectGroup: 'bench',
    });
    const found = await cdp.send('Runtime.queryObjects', {
      prototypeObjectId: prototype.result.objectId ?? '',
      objectGroup: 'bench',
    });
    const length = await cdp.send('Runtime.callFunctionOn', {
      objectId: found.objects.objectId ?? '',
      functionDeclaration: 'function () { return this.length; }',
      returnByValue: true,
    });
    counts[name] = Number(length.result.value);
  }
  await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'bench' });
  return counts;
}

/** A heap snapshot's self sizes: V8's compiled code, and everything else. */
async function heapSplit(cdp: CDPSession): Promise<{ code: number; rest: number }> {
  const chunks: string[] = [];
  const onChunk = (event: { chunk: string }) => chunks.push(event.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snapshot = JSON.parse(chunks.join('')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
  };
  const {
    node_fields: fields,
    node_types: [types],
  } = snapshot.snapshot.meta;
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  const split = { code: 0, rest: 0 };
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    const size = snapshot.nodes[i + sizeAt] ?? 0;
    if (types[snapshot.nodes[i + typeAt] ?? 0] === 'code') split.code += size;
    else split.rest += size;
  }
  return split;
}

it(`${CALLS} calls in a row from one visitor page`, { timeout: 600_000 }, async () => {
  const desk = await operatorConsole(operatorBrowser, stage.platform.url);
  await autoAnswer(desk);
  const context = await visitorBrowser.newContext({ locale: 'en-GB', timezoneId: 'Asia/Tokyo' });
  await context.addInitScript(probe);
  const page = await context.newPage();
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(`${stage.site}/call.html`);
  await page.locator('frontdesk-call .launcher').click();
  const cdp = await context.newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    return page.evaluate(
      () =>
        (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize,
    );
  };

  const calls: { clickToInvite: number; inviteToEstablished: number; inviteToAudio: number }[] = [];
  const heaps: number[] = [];
  const live: LiveCounts[] = [];
  let firstSplit = { code: 0, rest: 0 };
  for (let i = 0; i < CALLS; i++) {
    await clearMarks(page);
    await page.locator('frontdesk-call [role=dialog] .send').click();
    const marks = await marksOnceHeard(page);
    const click = marks.clicks.at(-1) ?? Number.NaN;
    const invite = marks.invites.find((t) => t >= click) ?? Number.NaN;
    const ok = marks.oks.find((t) => t >= invite) ?? Number.NaN;
    const audio = marks.audio.find((t) => t >= invite) ?? Number.NaN;
    calls.push({
      clickToInvite: invite - click,
      inviteToEstablished: ok - invite,
      inviteToAudio: audio - invite,
    });
    await page.waitForTimeout(HOLD_MS);
    await page.locator('frontdesk-call .hangup').click();
    await waitPhase(page, 'ended');
    await desk.locator('.call-card[data-state=answered]').waitFor({ state: 'detached' });
    // Let the page release the call before the heap is read.
    await page.waitForTimeout(300);
    heaps.push(await heap());
    live.push(await liveObjects(cdp));
    if (i === 0) firstSplit = await heapSplit(cdp);
    console.log(
      `call ${i + 1}:`,
      JSON.stringify(calls.at(-1)),
      `heap ${heaps.at(-1)}`,
      JSON.stringify(live.at(-1)),
    );
  }
  const lastSplit = await heapSplit(cdp);
  expect(errors).toEqual([]);
  // A call that left its objects behind would show here, whatever the heap's size does. Media
  // streams are freed when Chromium's media thread lets go of them, a few calls later: bounded,
  // where a leak would hold two per call.
  const last = live.at(-1);
  expect(last).toMatchObject({ RTCPeerConnection: 0, WebSocket: 0, AudioContext: 1 });
  expect(Math.max(...live.map((counts) => counts.MediaStream))).toBeLessThan(CALLS / 2);
  for (const row of calls) {
    for (const value of Object.values(row)) expect(Number.isFinite(value)).toBe(true);
  }

  const timed = calls.slice(0, TIMED_CALLS);
  const heapAfterFirst = heaps[0] ?? 0;
  const heapAfterLast = heaps.at(-1) ?? 0;
  const result = {
    calls: CALLS,
    timedCalls: TIMED_CALLS,
    holdMs: HOLD_MS,
    chromium: visitorBrowser.version(),
    medians: {
      clickToInvite: median(timed.map((c) => c.clickToInvite)),
      inviteToEstablished: median(timed.map((c) => c.inviteToEstablished)),
      inviteToAudio: median(timed.map((c) => c.inviteToAudio)),
    },
    ranges: {
      clickToInvite: [
        Math.min(...timed.map((c) => c.clickToInvite)),
        Math.max(...timed.map((c) => c.clickToInvite)),
      ],
      inviteToEstablished: [
        Math.min(...timed.map((c) => c.inviteToEstablished)),
        Math.max(...timed.map((c) => c.inviteToEstablished)),
      ],
      inviteToAudio: [
        Math.min(...timed.map((c) => c.inviteToAudio)),
        Math.max(...timed.map((c) => c.inviteToAudio)),
      ],
    },
    heap: {
      afterFirst: heapAfterFirst,
      afterLast: heapAfterLast,
      perCall: (heapAfterLast - heapAfterFirst) / (CALLS - 1),
      /** Least-squares slope of the heap over the last 10 calls, bytes per call. */
      slopeLast10: slope(heaps.slice(-10)),
      afterTimed: heaps[TIMED_CALLS - 1] ?? 0,
      afterEach: heaps,
      /** Growth from call 1 to the last, by the heap snapshots, split. */
      snapshotGrowth: {
        code: lastSplit.code - firstSplit.code,
        rest: lastSplit.rest - firstSplit.rest,
      },
    },
    /** Call objects alive after each call (after GC). */
    live,
    perCall: calls,
  };
  console.log(JSON.stringify(result.medians), JSON.stringify(result.heap));
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
  await context.close();
  await desk.context().close();
});
