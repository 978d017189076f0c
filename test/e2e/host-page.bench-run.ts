/**
 * What our widgets cost the page that embeds them (`pnpm bench`, not part of CI's tests): the demo
 * site's home page, the shop with all three widgets, and the same page served without its snippets
 * (`?snippets=none`), loaded in turn, each in a fresh browser context (cold cache). Inside the
 * page, from its first script on: long tasks (PerformanceObserver 'longtask'), layout shifts
 * (without recent input), first contentful paint and the load event. The window closes when the
 * network has been quiet for 500 ms after the load event and one more second has passed, so the
 * widgets' chunks fetched when the browser is idle are counted. Runs with no CPU throttling and
 * with 4× (CDP `Emulation.setCPUThrottlingRate`, Lighthouse's mobile setting). The medians go to
 * `node_modules/.cache/frontdesk-bench/host-page.json`, which scripts/bench.mjs renders.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Stage, startStage } from './harness.ts';

const RUNS = 10;
const PAGE = '/';
const THROTTLING = [1, 4];
const out = resolve(
  import.meta.dirname,
  '../../node_modules/.cache/frontdesk-bench/host-page.json',
);

let stage: Stage;
beforeAll(async () => {
  stage = await startStage();
});
afterAll(() => stage?.stop());

interface Sample {
  longTasks: number;
  longTaskMs: number;
  /** Total blocking time: the part over 50 ms of each long task after first contentful paint. */
  blockingMs: number;
  layoutShift: number;
  loadMs: number;
}

/** Init script: records long tasks and layout shifts from the page's start. */
function observe() {
  const seen = { tasks: [] as [start: number, duration: number][], shift: 0 };
  (window as unknown as { __impact: typeof seen }).__impact = seen;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) seen.tasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & {
      value: number;
      hadRecentInput: boolean;
    })[]) {
      if (!entry.hadRecentInput) seen.shift += entry.value;
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

/** One load of `path` at `cpu`× slowdown; `widgets`: how many widget elements it must show. */
async function sample(path: string, cpu: number, widgets: number): Promise<Sample> {
  const context = await stage.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(observe);
  const page = await context.newPage();
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  await page.goto(new URL(path, stage.site).href, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1000);
  expect(await page.locator('frontdesk-call, frontdesk-callback, frontdesk-chat').count()).toBe(
    widgets,
  );
  const result = await page.evaluate(() => {
    const seen = (
      window as unknown as {
        __impact: { tasks: [number, number][]; shift: number };
      }
    ).__impact;
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
    const [navigation] = performance.getEntriesByType(
      'navigation',
    ) as PerformanceNavigationTiming[];
    return {
      longTasks: seen.tasks.length,
      longTaskMs: seen.tasks.reduce((sum, [, duration]) => sum + duration, 0),
      blockingMs: seen.tasks
        .filter(([start]) => start >= fcp)
        .reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0),
      layoutShift: seen.shift,
      loadMs: navigation?.loadEventStart ?? Number.NaN,
    };
  });
  expect(errors).toEqual([]);
  await context.close();
  return result;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

const medians = (samples: Sample[]) =>
  Object.fromEntries(
    (Object.keys(samples[0] ?? {}) as (keyof Sample)[]).map((name) => [
      name,
      median(samples.map((s) => s[name])),
    ]),
  ) as unknown as Sample;

it(`the shop page with and without the widgets, ${RUNS} runs each`, async () => {
  const settings = [];
  for (const cpu of THROTTLING) {
    const runs = { with: [] as Sample[], without: [] as Sample[] };
    // Interleaved, so a busy moment of the machine falls on both alike.
    for (let i = 0; i < RUNS; i++) {
      runs.with.push(await sample(PAGE, cpu, 3));
      runs.without.push(await sample(`${PAGE}?snippets=none`, cpu, 0));
    }
    for (const s of [...runs.with, ...runs.without]) expect(Number.isFinite(s.loadMs)).toBe(true);
    settings.push({ cpu, with: medians(runs.with), without: medians(runs.without), runs });
    console.log(
      `CPU ×${cpu}`,
      JSON.stringify(settings.at(-1)?.with),
      JSON.stringify(settings.at(-1)?.without),
    );
  }
  await mkdir(dirname(out), { recursive: true });
  await writeFile(
    out,
    `${JSON.stringify({ page: PAGE, runs: RUNS, chromium: stage.browser.version(), settings }, null, 2)}\n`,
  );
});
