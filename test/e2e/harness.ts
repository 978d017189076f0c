/**
 * What the end-to-end tests run against: the real platform (SQLite) serving the built browser
 * bundles, seeded with the demo account; the demo site pointing at it; Debian's Chromium driven
 * by playwright-core. Run `pnpm build` first: the browser loads `dist/browser/` files.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';
import { createDemoSite } from '../../demo/serve.mjs';
import {
  type CallbackSettings,
  defaultSettings,
  parseSettings,
} from '../../packages/config/src/index.ts';
import {
  bundleDirs,
  createPlatform,
  type Order,
  type Platform,
  readEnv,
  seedDemo,
} from '../../packages/platform/src/index.ts';
import { engines, type TestDatabase } from '../../packages/platform/test/support/databases.ts';
import { connectOps, type OpsClient } from '../../packages/platform/test/support/ops-client.ts';
import {
  startPlatform,
  type TestClock,
  type TestPlatform,
  testClock,
} from '../../packages/platform/test/support/platform.ts';
import { chromiumArgs, chromiumPath } from '../../vitest.config.ts';

const root = resolve(import.meta.dirname, '../..');
/** The built browser bundles, found as the platform run alone finds them. */
const assetDirs = bundleDirs({});

/** Origins the test widgets accept: the demo site and the platform run on loopback ports. */
export const LOOPBACK = ['http://127.0.0.1:*'];

/** Everything a test file needs, started once per file. */
export interface Stage {
  platform: TestPlatform;
  clock: TestClock;
  /** The demo site's URL, "http://127.0.0.1:PORT". */
  site: string;
  browser: Browser;
  /** A new callback widget with the default settings changed by `change` (validated); its key. */
  createCallback(change: (settings: CallbackSettings) => CallbackSettings): Promise<string>;
  /**
   * Stops the platform (as a redeploy does) and starts it again on the same database and port,
   * so that open pages reconnect to the same URL; `whileDown` runs while it is stopped.
   * `platform.platform` is the new one afterwards. Not with the SIP edge.
   */
  restartPlatform(whileDown?: () => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}

/** Options of {@link startStage}. */
export interface StageOptions {
  /** More of the platform's environment (SMTP_URL, say). */
  env?: NodeJS.ProcessEnv;
  /** Run the platform's SIP edge (Kamailio on loopback), with these timings. */
  sipEdge?: { tuning?: NonNullable<Parameters<typeof startPlatform>[1]>['sipTuning'] };
}

/** A free loopback TCP port. */
async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

/** Starts the platform (clock at `now`), the demo site and Chromium. */
export async function startStage(
  now: Date = new Date(),
  stageOptions: StageOptions = {},
): Promise<Stage> {
  for (const file of ['loader.js', 'callback.js', 'call.js', 'chat.js']) {
    if (!assetDirs.some((dir) => existsSync(resolve(dir, file)))) {
      throw new Error(`no built ${file}: run \`pnpm build\` before the end-to-end tests`);
    }
  }
  const sqlite = engines.find((engine) => engine.name === 'sqlite');
  if (!sqlite) throw new Error('no SQLite engine');
  const database: TestDatabase = await sqlite.open();
  const clock = testClock(now.toISOString());
  // The SIP edge checks the console's Origin against PUBLIC_URL when Kamailio starts: the
  // platform's port is fixed in advance so that PUBLIC_URL is its real origin.
  const port = stageOptions.sipEdge ? await freePort() : 0;
  const webApps = {
    '/console': resolve(root, 'packages/console/dist'),
    '/studio': resolve(root, 'packages/studio/dist'),
  };
  const platform = await startPlatform(database, {
    clock,
    assetDirs,
    webApps,
    env: stageOptions.env ?? {},
    ...(stageOptions.sipEdge
      ? {
          env: {
            ...stageOptions.env,
            SIP_EDGE: '1',
            SIP_WS_PORT: '0',
            PORT: String(port),
            PUBLIC_URL: `http://127.0.0.1:${port}`,
          },
          ...(stageOptions.sipEdge.tuning ? { sipTuning: stageOptions.sipEdge.tuning } : {}),
        }
      : {}),
  });
  // A stage with the messenger sandbox links it from the demo site's header, as `pnpm start` does.
  const demo = createDemoSite({
    platformUrl: platform.url,
    sandboxUrl: stageOptions.env?.MESSENGER_LINK_BASE,
  });
  await new Promise<void>((done) => demo.listen(0, '127.0.0.1', done));
  const site = `http://127.0.0.1:${(demo.address() as AddressInfo).port}`;
  await seedDemo(platform.platform.store, {
    sipDomain: 'sip.test',
    publicUrl: platform.url,
    demoSiteUrl: site,
    now: now.getTime(),
  });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  let created = 0;
  /** The platform started by {@link Stage.restartPlatform}, which stop() closes instead. */
  let restarted: Platform | undefined;
  return {
    platform,
    clock,
    site,
    browser,
    async createCallback(change) {
      const parsed = parseSettings(
        change({ ...(defaultSettings('callback') as CallbackSettings), allowedOrigins: LOOPBACK }),
      );
      if (!parsed.ok) throw new Error(`invalid test settings: ${JSON.stringify(parsed.issues)}`);
      const widget = await platform.platform.store.widgets.create({
        accountId: platform.accountId,
        type: 'callback',
        name: `E2E callback ${++created}`,
        settings: parsed.value,
        now: clock().getTime(),
      });
      return widget.key;
    },
    async restartPlatform(whileDown) {
      if (stageOptions.sipEdge) throw new Error('restartPlatform: not with the SIP edge');
      await platform.platform.close();
      await whileDown?.();
      const next = await createPlatform({
        env: readEnv({
          DATA_DIR: '/nonexistent',
          WORKER_INTERVAL_MS: '0',
          PUBLIC_URL: platform.url,
          // The stage's own PUBLIC_URL (a TLS front's) stays, as the first start kept it.
          ...stageOptions.env,
          PORT: new URL(platform.url).port,
        }),
        clock,
        database,
        assetDirs,
        webApps,
      });
      await next.listen();
      platform.platform = next;
      restarted = next;
    },
    async stop() {
      await browser.close();
      await new Promise((done) => demo.close(done));
      await (restarted ?? platform).close();
      await database.drop();
    },
  };
}

/** A callback order the page sent to the platform (seen going out, never answered here). */
export interface SentOrder {
  /** The widget key of the endpoint, `POST /v1/widgets/:key/callbacks`. */
  widget: string;
  idempotencyKey: string;
}

/** A page of the demo site in a fresh browser context, and what happened in it. */
export interface Visit {
  context: BrowserContext;
  page: Page;
  /** Console errors, in order. */
  consoleErrors: string[];
  /** Uncaught errors of the page. */
  pageErrors: Error[];
  /** The callback orders the context's pages sent to the platform, in order. */
  sentOrders: SentOrder[];
  /** CSP violations the page reported (`securitypolicyviolation` events). */
  violations(): Promise<string[]>;
}

/** Options of {@link visit}. */
export interface VisitOptions extends BrowserContextOptions {
  /** Pins the browser's `Date` to this instant (timers keep running). */
  fixedTime?: Date;
}

/** The path of a callback order request, `POST /v1/widgets/:key/callbacks`; group 1 is the key. */
const ORDER_PATH = /^\/v1\/widgets\/([^/]+)\/callbacks$/;

/**
 * Opens `path` of the demo site in a new context. Orders go to the platform's own endpoint and
 * are recorded as they leave ({@link storedOrders} reads what the platform kept); CSP
 * violations, console errors and page errors are recorded.
 */
export async function visit(
  stage: Stage,
  path: string,
  options: VisitOptions = {},
): Promise<Visit> {
  const { fixedTime, ...contextOptions } = options;
  const context = await stage.browser.newContext({
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    locale: 'ru-RU',
    timezoneId: 'Europe/Moscow',
    ...contextOptions,
  });
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const sentOrders: SentOrder[] = [];
  context.on('request', (request) => {
    const widget = ORDER_PATH.exec(new URL(request.url()).pathname)?.[1];
    if (request.method() !== 'POST' || !widget) return;
    sentOrders.push({ widget, idempotencyKey: request.headers()['idempotency-key'] ?? '' });
  });
  const page = await context.newPage();
  if (fixedTime) await page.clock.setFixedTime(fixedTime);
  const consoleErrors: string[] = [];
  const pageErrors: Error[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error));
  await page.goto(new URL(path, stage.site).href);
  return {
    context,
    page,
    consoleErrors,
    pageErrors,
    sentOrders,
    violations: () =>
      page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
  };
}

/**
 * The orders the platform stored for the visit's sent orders (by widget and idempotency key),
 * in the order they were sent; a sent order the platform did not store fails the test.
 */
export async function storedOrders(stage: Stage, v: Visit): Promise<Order[]> {
  const store = stage.platform.platform.store;
  const orders: Order[] = [];
  for (const sent of v.sentOrders) {
    const widget = await store.widgets.byKey(sent.widget);
    const stored = widget && (await store.orders.byIdempotencyKey(widget.id, sent.idempotencyKey));
    if (!stored)
      throw new Error(`the platform has no order ${sent.idempotencyKey} of ${sent.widget}`);
    orders.push(stored.order);
  }
  return orders;
}

/**
 * The console at `/console/` in a new browser context, signed in as `email` (demo password) with
 * the keyboard; uncaught errors of the page are collected in `pageErrors`. `base` is where the
 * console is (default the platform's own URL; a TLS front's, whose throwaway CA Chromium is told
 * to accept).
 */
export async function signInToConsole(
  stage: Stage,
  email: string,
  base: string = stage.platform.url,
): Promise<{ page: Page; pageErrors: Error[] }> {
  const context = await stage.browser.newContext({
    locale: 'en-GB',
    timezoneId: 'Europe/Moscow',
    ignoreHTTPSErrors: base.startsWith('https:'),
  });
  return signInInContext(context, stage, email, base);
}

/**
 * The console in a new page of `context` (set up by the caller: window size, permissions),
 * signed in as `email` with the keyboard; resolves once the navigation is there. `base` as for
 * {@link signInToConsole}.
 */
export async function signInInContext(
  context: BrowserContext,
  stage: Stage,
  email: string,
  base: string = stage.platform.url,
): Promise<{ page: Page; pageErrors: Error[] }> {
  const page = await context.newPage();
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  await page.goto(`${base}/console/`);
  await page.getByLabel('E-mail').focus();
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type('demo-password');
  await page.keyboard.press('Enter');
  await page.getByRole('navigation', { name: 'Console' }).waitFor();
  return { page, pageErrors };
}

/** `fetch` of the platform's API as the demo account's admin (admin@demo.test), signed in. */
export async function adminFetch(stage: Stage): Promise<(path: string) => Promise<Response>> {
  const login = await fetch(`${stage.platform.url}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.test', password: 'demo-password' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return (path: string) => fetch(`${stage.platform.url}${path}`, { headers: { cookie } });
}

/**
 * Someone who answers the demo account's widgets (`email`, demo password; both operators are in
 * the group "Sales" the demo widgets go to) online as far as presence goes: a signed-in `/ops`
 * socket, which the console keeps. Close its socket to leave.
 */
export async function demoOperatorOnline(
  stage: Stage,
  email = 'operator@demo.test',
): Promise<OpsClient> {
  const login = await fetch(`${stage.platform.url}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo-password' }),
  });
  if (login.status !== 200) throw new Error(`sign-in as ${email}: ${login.status}`);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return connectOps(
    { ...stage.platform, session: async () => ({ cookie, csrfToken }) },
    'operator',
  );
}

/**
 * The Studio at `/studio/` in a new browser context (English), signed in as
 * `email` (demo password); uncaught errors of the page are collected in `pageErrors`.
 */
export async function signInToStudio(
  stage: Stage,
  email = 'marketer@demo.test',
): Promise<{ page: Page; pageErrors: Error[] }> {
  const context = await stage.browser.newContext({
    locale: 'en-GB',
    timezoneId: 'Europe/Moscow',
    viewport: { width: 1400, height: 900 },
  });
  const page = await context.newPage();
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  await page.goto(`${stage.platform.url}/studio/`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill('demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Widgets', level: 1 }).waitFor();
  return { page, pageErrors };
}

/** The widget's launcher on `page` (Playwright's CSS and role engines see into open shadow roots). */
export const launcher = (page: Page) => page.locator('frontdesk-callback .launcher');
/** The widget's dialog on `page`. */
export const dialog = (page: Page) => page.locator('frontdesk-callback [role=dialog]');

/** Waits for the widget's dialog to be open and done moving in. */
export async function settled(page: Page): Promise<void> {
  await dialog(page).waitFor();
  await page.waitForFunction(
    () =>
      document
        .querySelector('frontdesk-callback')
        ?.shadowRoot?.querySelector('[role=dialog]')
        ?.getAnimations().length === 0,
  );
}

/** Opens the widget from its launcher and waits for it to settle with its phone field focused. */
export async function openWidget(page: Page): Promise<void> {
  await launcher(page).click();
  await settled(page);
  await page.waitForFunction(() => {
    const root = document.querySelector('frontdesk-callback')?.shadowRoot;
    return root?.activeElement?.id === 'fd-phone';
  });
}

/** What the page stores: cookies, and the keys of localStorage and sessionStorage. */
export async function storedState(visit: Visit) {
  const cookies = await visit.context.cookies();
  const storage = await visit.page.evaluate(() => ({
    cookie: document.cookie,
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
  }));
  return { cookies: cookies.map((cookie) => cookie.name), ...storage };
}

/** A working day from 00:00 to 24:00. */
const allDay = { from: '00:00', to: '24:00' };

/** A week open around the clock, every day (no moment of the real clock is closed). */
export const ALWAYS_OPEN = {
  mon: allDay,
  tue: allDay,
  wed: allDay,
  thu: allDay,
  fri: allDay,
  sat: allDay,
  sun: allDay,
} as const;

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/**
 * A week (UTC) closed today and tomorrow by the real clock, open all of the day after: closed
 * at the real current time even when a test runs across midnight, and still with slots to offer.
 */
export function closedNow(
  now: Date = new Date(),
): Partial<Record<(typeof WEEKDAYS)[number], typeof allDay>> {
  const dayAfterTomorrow = WEEKDAYS[(now.getUTCDay() + 2) % 7] ?? 'mon';
  return { [dayAfterTomorrow]: allDay };
}

/**
 * Compares a screenshot with the committed reference `test/e2e/__screenshots__/<name>.png`, in
 * Chromium itself (canvas pixels): passes when at most `maxRatio` of the pixels differ by more
 * than `threshold` in any channel. A missing reference is written and the test fails, so a
 * reference is never made silently; `UPDATE_SCREENSHOTS=1` rewrites them.
 */
export async function expectScreenshot(
  browser: Browser,
  name: string,
  actual: Buffer,
  { threshold = 24, maxRatio = 0.003 } = {},
): Promise<void> {
  const file = resolve(import.meta.dirname, '__screenshots__', `${name}.png`);
  if (process.env.UPDATE_SCREENSHOTS === '1' || !existsSync(file)) {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, actual);
    if (process.env.UPDATE_SCREENSHOTS !== '1') {
      throw new Error(`No reference screenshot ${name}.png: written now; check it and commit it.`);
    }
    return;
  }
  const expected = await readFile(file);
  const page = await browser.newPage();
  try {
    const result = await page.evaluate(
      async ({ a, b, threshold }) => {
        const load = async (base64: string) =>
          createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
        const [one, two] = await Promise.all([load(a), load(b)]);
        if (one.width !== two.width || one.height !== two.height) {
          return { size: `${one.width}×${one.height} vs ${two.width}×${two.height}`, differing: 1 };
        }
        const pixels = (image: ImageBitmap) => {
          const canvas = new OffscreenCanvas(image.width, image.height);
          const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
          context.drawImage(image, 0, 0);
          return context.getImageData(0, 0, image.width, image.height).data;
        };
        const [p, q] = [pixels(one), pixels(two)];
        let differing = 0;
        for (let i = 0; i < p.length; i += 4) {
          for (let c = 0; c < 4; c++) {
            if (Math.abs((p[i + c] ?? 0) - (q[i + c] ?? 0)) > threshold) {
              differing++;
              break;
            }
          }
        }
        return { size: '', differing: differing / (p.length / 4) };
      },
      { a: actual.toString('base64'), b: expected.toString('base64'), threshold },
    );
    if (result.size || result.differing > maxRatio) {
      await writeFile(file.replace(/\.png$/, '.actual.png'), actual);
      throw new Error(
        `Screenshot ${name} differs from its reference: ${result.size || `${(result.differing * 100).toFixed(2)}% of pixels`} (the actual one is next to it, .actual.png)`,
      );
    }
  } finally {
    await page.close();
  }
}
