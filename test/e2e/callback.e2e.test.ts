/**
 * The callback widget as visitors meet it: the demo site's pages against the real platform, in
 * Chromium. Orders go to the platform's own endpoint; the tests read the orders it stored. Each
 * test orders for a number of its own (the platform takes three orders per number in ten minutes).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connectOps, type OpsClient } from '../../packages/platform/test/support/ops-client.ts';
import { runAxe } from './axe.ts';
import {
  ALWAYS_OPEN,
  closedNow,
  demoOperatorOnline,
  dialog,
  launcher,
  openWidget,
  type Stage,
  settled,
  startStage,
  storedOrders,
  storedState,
  visit,
} from './harness.ts';

/** Friday 6 March 2026, 10:00 in Moscow: the instant of the tests about instants. */
const FRIDAY_10_MSK = new Date('2026-03-06T07:00:00Z');

let stage: Stage;
/** Someone can call back (the test account's widgets, and the demo's): the form promises "now". */
let online: OpsClient[] = [];
beforeAll(async () => {
  stage = await startStage();
  online = [await connectOps(stage.platform, 'operator'), await demoOperatorOnline(stage)];
});
afterAll(async () => {
  for (const operator of online) operator.socket.close();
  await stage?.stop();
});
beforeEach(() => stage.clock.set(new Date().toISOString()));

/** The widget's confirmation of a placed order. */
const confirmation = (page: Page) => page.locator('frontdesk-callback .done');

/** The slot picker's options as [value, label, day]. */
function pickerOptions(page: Page) {
  return page
    .locator('frontdesk-callback #fd-when option')
    .evaluateAll((options) =>
      options.map((option) => [
        (option as HTMLOptionElement).value,
        option.textContent,
        (option.parentElement as HTMLOptGroupElement).label ?? '',
      ]),
    );
}

/** Selects the picker's option `label` under the day `day`. */
async function chooseSlot(page: Page, day: string, label: string) {
  const option = page.locator(`frontdesk-callback #fd-when optgroup[label="${day}"] option`, {
    hasText: label,
  });
  const value = await option.first().getAttribute('value');
  if (!value) throw new Error(`no slot ${label} on ${day}`);
  await page.locator('frontdesk-callback #fd-when').selectOption(value);
}

const officeSchedule = {
  timeZone: 'Europe/Moscow',
  week: {
    mon: { from: '09:00', to: '18:00' },
    tue: { from: '09:00', to: '18:00' },
    wed: { from: '09:00', to: '18:00' },
    thu: { from: '09:00', to: '18:00' },
    fri: { from: '09:00', to: '17:00' },
  },
  lunch: { from: '13:00', to: '14:00' },
  holidays: true,
  preHoliday: true,
  country: 'ru' as const,
  exceptions: [],
};

describe('the demo site', () => {
  it('shows the callback launcher, named by its button text', async () => {
    const v = await visit(stage, '/callback.html');
    const button = v.page.getByRole('button', { name: 'Заказать звонок' });
    await button.waitFor();
    expect(await button.getAttribute('aria-haspopup')).toBe('dialog');
    expect(v.consoleErrors).toEqual([]);
    expect(v.pageErrors).toEqual([]);
    await v.context.close();
  });

  it('loads the form on intent, not with the launcher', async () => {
    const context = await stage.browser.newContext();
    // A browser that is never idle: only the visitor's intent may bring the form.
    await context.addInitScript(() => {
      window.requestIdleCallback = () => 0;
    });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(`${stage.site}/callback.html`);
    await launcher(page).waitFor();
    await page.waitForTimeout(1000);
    const hashless = () => scripts.map((path) => path.replace(/-[\w-]{8}\.js$/, '-HASH.js'));
    // The launcher: the loader, the entry and what it imports (the runtime the widgets share) —
    // neither valibot nor the schedule: they come with the form, in the checked config.
    expect(hashless().sort()).toEqual([
      '/v1/assets/callback-messages-HASH.js',
      '/v1/assets/callback.js',
      '/v1/assets/widget-shell-HASH.js',
      '/v1/loader.js',
    ]);
    const form = page.waitForRequest(/\/v1\/assets\/callback-open-widget-[\w-]{8}\.js$/);
    await launcher(page).hover();
    await form;
    // The form's chunk, the texts of its language and the checked config, side by side.
    await expect
      .poll(hashless)
      .toEqual(
        expect.arrayContaining([
          '/v1/assets/callback-open-widget-HASH.js',
          '/v1/assets/callback-texts-ru-HASH.js',
          '/v1/assets/callback-checked-config-HASH.js',
          '/v1/assets/checked-config-HASH.js',
        ]),
      );
    await context.close();
  });
});

describe('ordering a call', () => {
  let office: string;
  beforeAll(async () => {
    office = await stage.createCallback((s) => ({ ...s, schedule: officeSchedule }));
  });
  beforeEach(() => stage.clock.set(FRIDAY_10_MSK.toISOString()));

  it('sends the exact instant of the chosen slot, which the platform stores', async () => {
    const v = await visit(stage, `/callback.html?widget=${office}`, { fixedTime: FRIDAY_10_MSK });
    await openWidget(v.page);
    await v.page.locator('frontdesk-callback #fd-phone').fill('912 345-67-81');
    // Monday 9 March 2026 is a day off in Russia: Friday, then Tuesday and Wednesday.
    const days = [...new Set((await pickerOptions(v.page)).map(([, , day]) => day))];
    expect(days).toEqual(['', 'Сегодня, пятница, 6 марта', 'Вторник, 10 марта', 'Среда, 11 марта']);
    await chooseSlot(v.page, 'Вторник, 10 марта', '14:30');
    // The chosen slot shows its day wherever its time shows: the field, the button, the thanks.
    expect(
      await v.page
        .locator('frontdesk-callback #fd-when')
        .evaluate((select) => (select as HTMLSelectElement).selectedOptions[0]?.textContent),
    ).toBe('вт, 10 мар., 14:30');
    await v.page.getByRole('button', { name: 'Позвоните мне вт, 10 мар., 14:30' }).click();
    await confirmation(v.page).waitFor();
    expect(await confirmation(v.page).locator('p').textContent()).toBe(
      'Мы позвоним вам вт, 10 мар., 14:30.',
    );
    expect(v.sentOrders).toHaveLength(1);
    expect(v.sentOrders[0]?.idempotencyKey).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const [stored] = await storedOrders(stage, v);
    expect(stored).toMatchObject({
      phone: '+79123456781',
      slot: Date.parse('2026-03-10T11:30:00.000Z'),
      visitorTimeZone: 'Europe/Moscow',
      status: 'new',
      page: { url: `${stage.site}/callback.html?widget=${office}` },
    });
    expect((await stage.platform.platform.store.widgets.byKey(office))?.id).toBe(stored?.widgetId);
    await v.context.close();
  });

  it('labels the same instants in the visitor time zone, with the company time beside them', async () => {
    const moscow = await visit(stage, `/callback.html?widget=${office}`, {
      fixedTime: FRIDAY_10_MSK,
    });
    const newYork = await visit(stage, `/callback.html?widget=${office}`, {
      fixedTime: FRIDAY_10_MSK,
      timezoneId: 'America/New_York',
    });
    await openWidget(moscow.page);
    await openWidget(newYork.page);
    const here = await pickerOptions(moscow.page);
    const there = await pickerOptions(newYork.page);
    expect(there.map(([value]) => value)).toEqual(here.map(([value]) => value));
    // 10:00 in Moscow on Friday is 02:00 in New York (EST); on Tuesday, after New York moved to
    // summer time, 09:00 in Moscow is 02:00 (EDT) again.
    expect(here[1]).toEqual(['2026-03-06T07:00:00.000Z', '10:00', 'Сегодня, пятница, 6 марта']);
    expect(there[1]).toEqual([
      '2026-03-06T07:00:00.000Z',
      '02:00 (10:00 по времени компании)',
      'Сегодня, пятница, 6 марта',
    ]);
    const tuesday = there.find(([value]) => value === '2026-03-10T06:00:00.000Z');
    expect(tuesday).toEqual([
      '2026-03-10T06:00:00.000Z',
      '02:00 (09:00 по времени компании)',
      'Вторник, 10 марта',
    ]);
    await expect(
      newYork.page.locator('frontdesk-callback #fd-when-msg').textContent(),
    ).resolves.toBe('Время указано в вашем часовом поясе (America/New_York).');
    expect(await moscow.page.locator('frontdesk-callback #fd-when-msg').textContent()).toBe('');

    await newYork.page.locator('frontdesk-callback #fd-phone').fill('+7 912 345 67 82');
    await chooseSlot(newYork.page, 'Вторник, 10 марта', '02:00');
    await newYork.page.locator('frontdesk-callback .send').click();
    await confirmation(newYork.page).waitFor();
    expect(await storedOrders(stage, newYork)).toMatchObject([
      {
        phone: '+79123456782',
        slot: Date.parse('2026-03-10T06:00:00.000Z'),
        visitorTimeZone: 'America/New_York',
      },
    ]);
    await moscow.context.close();
    await newYork.context.close();
  });
});

describe('a page with a very long address', () => {
  it('orders from a 3,000-character URL: the widget cuts what it tells to what the platform takes', async () => {
    const filler = 'x'.repeat(3000);
    const v = await visit(stage, `/callback.html?utm_source=${'s'.repeat(300)}&q=${filler}`);
    expect(v.page.url().length).toBeGreaterThan(3000);
    await openWidget(v.page);
    await v.page.locator('frontdesk-callback #fd-phone').fill('9123456787');
    await v.page.locator('frontdesk-callback .send').click();
    await confirmation(v.page).waitFor();
    const [stored] = await storedOrders(stage, v);
    expect(stored?.phone).toBe('+79123456787');
    expect(stored?.page.url).toBe(v.page.url().slice(0, 2000));
    expect(stored?.page.utm).toEqual({ source: 's'.repeat(200) });
    expect(v.pageErrors).toEqual([]);
    await v.context.close();
  });
});

describe('the chosen slot’s day', () => {
  it('says today and tomorrow, in the visitor’s language, on the field and the button', async () => {
    // Thursday 5 March 2026, 16:00 in Moscow: slots today, then Friday (tomorrow).
    const thursday = new Date('2026-03-05T13:00:00Z');
    stage.clock.set(thursday.toISOString());
    const key = await stage.createCallback((s) => ({
      ...s,
      locale: 'auto',
      schedule: officeSchedule,
    }));
    const v = await visit(stage, `/en.html?widget=${key}`, {
      fixedTime: thursday,
      locale: 'en-GB',
    });
    await openWidget(v.page);
    const when = v.page.locator('frontdesk-callback #fd-when');
    await chooseSlot(v.page, 'Tomorrow, Friday 6 March', '10:00');
    expect(
      await when.evaluate(
        (select) => (select as HTMLSelectElement).selectedOptions[0]?.textContent,
      ),
    ).toBe('tomorrow, Fri 6 Mar, 10:00');
    await v.page.getByRole('button', { name: 'Call me tomorrow, Fri 6 Mar, 10:00' }).waitFor();
    await chooseSlot(v.page, 'Today, Thursday 5 March', '17:00');
    await v.page.getByRole('button', { name: 'Call me today, Thu 5 Mar, 17:00' }).waitFor();
    await v.context.close();
  });
});

describe('working and non-working time, by the real clock', () => {
  it('offers "right now" only while the company works', async () => {
    // The real clock is read once, for the closed days and for the dates expected: a run across
    // midnight (UTC) changes neither.
    const today = new Date();
    const open = await stage.createCallback((s) => ({
      ...s,
      schedule: { ...s.schedule, timeZone: 'UTC', week: ALWAYS_OPEN, holidays: false },
    }));
    const closed = await stage.createCallback((s) => ({
      ...s,
      schedule: { ...s.schedule, timeZone: 'UTC', week: closedNow(today), holidays: false },
      appearance: {
        ...s.appearance,
        nonWorking: {
          title: { ru: 'Сейчас мы отдыхаем' },
          text: { ru: 'Выберите время звонка.' },
          hideBrand: false,
        },
      },
    }));

    const working = await visit(stage, `/callback.html?widget=${open}`);
    await openWidget(working.page);
    expect(
      await working.page.locator('frontdesk-callback .head').getAttribute('data-variant'),
    ).toBe('working');
    const workingOptions = await pickerOptions(working.page);
    expect(workingOptions[0]).toEqual(['now', 'Прямо сейчас', '']);
    await working.page.locator('frontdesk-callback #fd-phone').fill('9123456783');
    await working.page.getByRole('button', { name: 'Позвоните мне сейчас' }).click();
    expect(await confirmation(working.page).textContent()).toBe('Спасибо!Сейчас мы вам позвоним.');
    expect(await storedOrders(stage, working)).toMatchObject([
      { phone: '+79123456783', slot: null, status: 'new' },
    ]);

    const resting = await visit(stage, `/callback.html?widget=${closed}`);
    await openWidget(resting.page);
    expect(
      await resting.page.locator('frontdesk-callback .head').getAttribute('data-variant'),
    ).toBe('non-working');
    expect(await resting.page.locator('frontdesk-callback #fd-title').textContent()).toBe(
      'Сейчас мы отдыхаем',
    );
    const restingOptions = await pickerOptions(resting.page);
    expect(restingOptions.some(([value]) => value === 'now')).toBe(false);
    expect(restingOptions[0]).toEqual(['', 'Выберите время', '']);
    // Three working days of a week with one: that weekday, the next week's and the one after.
    const slotDays = new Map<string, number>();
    for (const [value] of restingOptions.slice(1)) {
      const date = String(value).slice(0, 10);
      slotDays.set(date, (slotDays.get(date) ?? 0) + 1);
    }
    expect([...slotDays.values()]).toEqual([48, 48, 48]);
    const [first, second, third] = [...slotDays.keys()].map((date) => Date.parse(date));
    expect([(second ?? 0) - (first ?? 0), (third ?? 0) - (second ?? 0)]).toEqual([
      7 * 86_400_000,
      7 * 86_400_000,
    ]);
    expect((first ?? 0) - Date.parse(today.toISOString().slice(0, 10))).toBe(2 * 86_400_000);
    await working.context.close();
    await resting.context.close();
  });
});

describe('embed formats', () => {
  it('the link code: no launcher, and the site’s own element opens the widget next to it', async () => {
    const v = await visit(stage, '/link.html');
    const link = v.page.getByRole('link', { name: 'Перезвоните мне' });
    await link.click();
    await settled(v.page);
    expect(await launcher(v.page).count()).toBe(0);
    const linkBox = await link.boundingBox();
    const dialogBox = await dialog(v.page).boundingBox();
    // Below the link, 12 px apart (floating-ui "bottom-start"; coordinates are whole pixels).
    const gap = (dialogBox?.y ?? 0) - ((linkBox?.y ?? 0) + (linkBox?.height ?? 0));
    expect(Math.abs(gap - 12)).toBeLessThan(1);
    expect(Math.abs((dialogBox?.x ?? 0) - (linkBox?.x ?? 0))).toBeLessThan(1);
    expect(new URL(v.page.url()).hash).toBe(''); // the click did not follow the link
    await v.context.close();
  });

  it('the label code: a vertical tab at the edge opens the widget', async () => {
    const v = await visit(stage, '/label.html');
    const tab = v.page.getByRole('button', { name: 'Заказать звонок' });
    await tab.waitFor();
    expect(await tab.getAttribute('data-format')).toBe('label');
    const box = await tab.boundingBox();
    expect(box && Math.round(box.x + box.width)).toBe(1280);
    expect(box && box.height > box.width).toBe(true);
    await tab.click();
    await dialog(v.page).waitFor();
    await v.context.close();
  });
});

describe('the visitor’s privacy', () => {
  it('stores nothing before the visitor interacts; remembers the order after', async () => {
    const v = await visit(stage, '/callback.html');
    await launcher(v.page).waitFor();
    // Once the page has loaded, the form arrives when the browser is idle: still no interaction.
    await expect
      .poll(() =>
        v.page.evaluate(() =>
          performance
            .getEntriesByType('resource')
            .some((entry) => entry.name.includes('/callback-open-widget-')),
        ),
      )
      .toBe(true);
    await v.page.waitForLoadState('networkidle');
    expect(await storedState(v)).toEqual({ cookies: [], cookie: '', local: [], session: [] });

    await openWidget(v.page);
    expect(await storedState(v)).toEqual({ cookies: [], cookie: '', local: [], session: [] });
    await v.page.locator('frontdesk-callback #fd-phone').fill('9123456784');
    await v.page.locator('frontdesk-callback .send').click();
    await confirmation(v.page).waitFor();
    expect(await storedOrders(stage, v)).toMatchObject([{ phone: '+79123456784' }]);
    const stored = await storedState(v);
    expect(stored).toMatchObject({ cookies: [], cookie: '', session: [] });
    // The order, and the visitor's token of the account: the chat knows them on the next page.
    expect(stored.local.sort()).toEqual([
      'frontdesk:callback:phone-left',
      expect.stringMatching(/^frontdesk:visitor:[\w-]{22}$/),
    ]);
    await v.context.close();
  });
});

describe('a broken widget', () => {
  it('the platform refuses its config, the loader logs one line, and the page keeps working', async () => {
    // Settings written past the admin API's checks (by hand in the database, say): the platform
    // checks every config it serves, so it answers 500 instead of a config no widget can read.
    // (A config the widget itself refuses, naming the field, is each widget's start.test.ts.)
    const key = await stage.createCallback((settings) => settings);
    const store = stage.platform.platform.store;
    const widget = await store.widgets.byKey(key);
    if (widget?.type !== 'callback') throw new Error('no callback widget');
    const appearance = { ...widget.settings.appearance, primaryColor: 42 };
    const settings = { ...widget.settings, appearance } as unknown as typeof widget.settings;
    await store.widgets.update(widget.id, { settings, now: stage.clock().getTime() });
    const context = await stage.browser.newContext();
    const page = await context.newPage();
    const ours: string[] = [];
    const uncaught: Error[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && message.text().startsWith('Frontdesk:')) {
        ours.push(message.text());
      }
    });
    page.on('pageerror', (error) => uncaught.push(error));
    await page.goto(`${stage.site}/callback.html?widget=${key}`);
    await page.waitForLoadState('networkidle');
    await expect.poll(() => ours).toEqual(['Frontdesk: Something went wrong on our side.']);
    expect(uncaught).toEqual([]);
    expect(await page.locator('frontdesk-callback').count()).toBe(0);
    // The page itself goes on: its links work, and the next page's widget is fine.
    await page.getByRole('link', { name: 'Офисные часы' }).click();
    await page.getByRole('button', { name: 'Заказать звонок' }).waitFor();
    expect(ours).toHaveLength(1);
    expect(uncaught).toEqual([]);
    await context.close();
  });
});

describe('accessibility', () => {
  it('axe finds no WCAG 2.2 AA violations in the open widget', async () => {
    const v = await visit(stage, '/callback.html');
    await openWidget(v.page);
    await v.page.locator('frontdesk-callback #fd-phone').fill('12');
    await v.page.locator('frontdesk-callback #fd-name').focus(); // the phone error shows
    const result = await runAxe(v.page, ['frontdesk-callback']);
    const violations = result.violations;
    // axe did look inside the shadow root: the form's labels, names and contrast were checked.
    expect(result.passes).toEqual(
      expect.arrayContaining(['label', 'button-name', 'select-name', 'aria-valid-attr-value']),
    );
    expect(violations).toEqual([]);
    await v.context.close();
  });

  it('a keyboard-only visitor finds the launcher, orders a slot and gets back to the page', async () => {
    const v = await visit(stage, '/callback.html');
    await launcher(v.page).waitFor();
    const focusedLauncher = () =>
      v.page.evaluate(
        () =>
          document.querySelector('frontdesk-callback')?.shadowRoot?.activeElement?.className ===
          'launcher',
      );
    for (let presses = 0; presses < 20 && !(await focusedLauncher()); presses++)
      await v.page.keyboard.press('Tab');
    expect(await focusedLauncher()).toBe(true);
    // The focused launcher shows it.
    const ring = await launcher(v.page).evaluate(
      (element) => getComputedStyle(element).outlineStyle,
    );
    expect(ring).toBe('solid');
    await v.page.keyboard.press('Enter');
    await dialog(v.page).waitFor();
    const active = () =>
      v.page.evaluate(
        () => document.querySelector('frontdesk-callback')?.shadowRoot?.activeElement?.id,
      );
    await expect.poll(active).toBe('fd-phone');
    await v.page.keyboard.type('912 345 67 85');
    await v.page.keyboard.press('Tab');
    expect(await active()).toBe('fd-name');
    await v.page.keyboard.type('Анна');
    await v.page.keyboard.press('Tab');
    expect(await active()).toBe('fd-when');
    await v.page.keyboard.press('ArrowDown'); // from "right now" to the first slot
    const chosen = await v.page.locator('frontdesk-callback #fd-when').inputValue();
    expect(chosen).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\.000Z$/);
    await v.page.keyboard.press('Tab');
    await v.page.keyboard.press('Enter');
    await confirmation(v.page).waitFor();
    expect(await storedOrders(stage, v)).toMatchObject([
      { phone: '+79123456785', name: 'Анна', slot: Date.parse(chosen) },
    ]);
    await v.page.keyboard.press('Escape');
    await dialog(v.page).waitFor({ state: 'detached' });
    expect(await focusedLauncher()).toBe(true);
    await v.context.close();
  });

  it('moves only for visitors who have not asked for less motion', async () => {
    for (const reducedMotion of ['no-preference', 'reduce'] as const) {
      const v = await visit(stage, '/callback.html', { reducedMotion });
      await launcher(v.page).click();
      await dialog(v.page).waitFor();
      const animation = await dialog(v.page).evaluate(
        (element) => getComputedStyle(element).animationName,
      );
      expect([reducedMotion, animation]).toEqual([
        reducedMotion,
        reducedMotion === 'reduce' ? 'none' : 'fd-in',
      ]);
      await v.context.close();
    }
  });
});

describe('the page’s JavaScript API', () => {
  it('identify prefills the form; open, close and the order reach the page’s listeners', async () => {
    const v = await visit(stage, '/callback.html');
    await launcher(v.page).waitFor();
    await v.page.evaluate(() => {
      const log: unknown[] = [];
      (window as unknown as { events: unknown[] }).events = log;
      const frontdesk = (window as unknown as { Frontdesk: (...args: unknown[]) => void })
        .Frontdesk;
      for (const event of ['open', 'close', 'callback:submitted', 'error']) {
        frontdesk('on', event, (detail: unknown) => log.push([event, detail]));
      }
      frontdesk('identify', { name: 'Анна', phone: '+7 912 345-67-86' });
      frontdesk('open');
    });
    await settled(v.page);
    expect(await v.page.locator('frontdesk-callback #fd-phone').inputValue()).toBe(
      '+7 912 345-67-86',
    );
    expect(await v.page.locator('frontdesk-callback #fd-name').inputValue()).toBe('Анна');
    await v.page.locator('frontdesk-callback .send').click();
    await confirmation(v.page).waitFor();
    await v.page.evaluate(() =>
      (window as unknown as { Frontdesk: (...args: unknown[]) => void }).Frontdesk('close'),
    );
    await dialog(v.page).waitFor({ state: 'detached' });
    const events = await v.page.evaluate(() => (window as unknown as { events: unknown[] }).events);
    const [stored] = await storedOrders(stage, v);
    expect(stored).toMatchObject({ phone: '+79123456786', name: 'Анна', slot: null });
    expect(events).toEqual([
      ['open', { widget: 'demo-callback' }],
      [
        'callback:submitted',
        { widget: 'demo-callback', id: stored?.id, status: 'new', slot: null },
      ],
      ['close', { widget: 'demo-callback' }],
    ]);
    await v.context.close();
  });
});
