/**
 * Every screen, tab and dialog of the console and the Studio in Chromium, once in a Russian
 * browser and once in an English one (the users' profiles name no language, so the browser's is
 * spoken): axe finds no WCAG 2.2 AA violation (colour contrast included, which jsdom cannot
 * check), no catalogue key shows raw, and the Russian screens show no English — neither a
 * catalogue's English text nor any Latin text that is not the data on the screen.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleTexts } from '../../packages/console/src/i18n/console-texts.ts';
import type { Language } from '../../packages/staff/src/i18n/language.ts';
import { staffTexts } from '../../packages/staff/src/staff-texts.ts';
import { studioTexts } from '../../packages/studio/src/i18n/studio-texts.ts';
import { chatVisitor, cleanSlate, offeredSlot, orderCallback, say } from './console-helpers.ts';
import { type Stage, startStage } from './harness.ts';
import { type Allowed, demoData, screenProblems, settled, untranslated } from './staff-language.ts';

let stage: Stage;
const contexts: BrowserContext[] = [];
const closers: (() => void)[] = [];

/** The Latin data the screens show (the demo's people, widgets, group, the journey's pages). */
let allowed: Allowed;

beforeAll(async () => {
  stage = await startStage();
  await cleanSlate(stage);
  const { store } = stage.platform.platform;
  const admin = await store.users.byEmail('admin@demo.test');
  if (!admin) throw new Error('no demo admin');
  allowed = await demoData(stage);
  // Something in every list: a chat, an order ringing, one for later, one done.
  const visitor = await chatVisitor(stage);
  closers.push(() => visitor.socket.close());
  await say(visitor, 'Здравствуйте, есть ли доставка?');
  await orderCallback(stage, { phone: '+79120000001', name: 'Иван' });
  await orderCallback(stage, { phone: '+79120000002', slot: await offeredSlot(stage, 3) });
  const done = await orderCallback(stage, { phone: '+79120000003', name: 'Пётр' });
  const by = { id: admin.id, name: admin.name };
  const now = stage.clock().getTime();
  await store.orders.transition(done, { from: ['new', 'ringing'], to: 'accepted', by, now });
  await store.orders.transition(done, { from: ['accepted'], to: 'done', by, now });
});

afterAll(async () => {
  for (const close of closers) close();
  for (const context of contexts) await context.close();
  await stage?.stop();
});

/** A page in a new browser context whose language is `language`'s (Moscow time). */
async function pageIn(language: Language): Promise<Page> {
  const context = await stage.browser.newContext({
    locale: language === 'ru' ? 'ru-RU' : 'en-GB',
    timezoneId: 'Europe/Moscow',
    viewport: { width: 1366, height: 900 },
  });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  return page;
}

/** What each screen was found with, by the screen's name; empty when all is well. */
type Findings = Record<string, string[]>;

/** The screen checked last: a journey that breaks says where, and what it found until then. */
let lastChecked = '';

/** Runs `journey`; if it breaks, the error says after which screen and what was found before. */
async function walk(found: Findings, journey: () => Promise<void>): Promise<void> {
  try {
    await journey();
  } catch (error) {
    const where = `after "${lastChecked}", having found ${JSON.stringify(found, null, 1)}`;
    throw new Error(`${(error as Error).message}\n${where}`);
  }
}

/** Checks the screen `page` shows now as `name`: axe, raw keys and (in Russian) English. */
async function check(page: Page, language: Language, name: string, found: Findings) {
  lastChecked = name;
  const problems = await screenProblems(page, language, allowed);
  if (problems.length > 0) found[name] = problems;
}

/**
 * Checks the sign-in form, and the refusal of a wrong password, and signs in on it as `email`, in
 * the page's language.
 */
async function signIn(page: Page, language: Language, email: string, found: Findings) {
  const t = staffTexts[language].signIn;
  await check(page, language, 'sign-in', found);
  await page.getByLabel(t.email).fill(email);
  await page.getByLabel(t.password).fill('not the password');
  await page.getByRole('button', { name: t.submit }).click();
  await page
    .getByRole('alert')
    .getByText(staffTexts[language].refusals.invalid_credentials)
    .waitFor();
  await check(page, language, 'sign-in refused', found);
  await page.getByLabel(t.password).fill('demo-password');
  await page.getByRole('button', { name: t.submit }).click();
}

/** Goes to `hash` of the app open on `page`. */
async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((hash) => {
    location.hash = hash;
  }, hash);
}

describe('the check itself', () => {
  it('finds a raw key, an English text and untranslated Latin on a Russian screen, not data', async () => {
    const page = await pageIn('ru');
    await page.goto(`${stage.platform.url}/console/`);
    await page.getByRole('button', { name: staffTexts.ru.signIn.submit }).waitFor();
    expect(await untranslated(page, 'ru', allowed)).toEqual([]);
    await page.evaluate(() => {
      for (const text of ['dock.automatic', 'Mute sounds', 'Not yet translated', 'Oleg Operator']) {
        document.body.append(Object.assign(document.createElement('p'), { textContent: text }));
      }
      const button = document.createElement('button');
      button.setAttribute('aria-label', 'Звонок от Sales, Alt+Shift+A');
      document.body.append(button);
    });
    expect(await untranslated(page, 'ru', allowed)).toEqual([
      'key: dock.automatic',
      'English text: Mute sounds (in "Mute sounds")',
      'Latin: Not yet translated',
    ]);
    // In English only a raw key is wrong.
    expect(await untranslated(page, 'en', allowed)).toEqual(['key: dock.automatic']);
  });

  it('reads a widget preview only once it has come and finished fading in', async () => {
    const page = await pageIn('en');
    await page.goto(`${stage.platform.url}/console/`);
    await page.getByRole('button', { name: staffTexts.en.signIn.submit }).waitFor();
    // As the Studio's preview: busy until the widget has opened in its own shadow root, then
    // fading in for longer than a screen's text takes to settle.
    await page.evaluate(() => {
      const viewport = document.createElement('div');
      viewport.setAttribute('aria-busy', 'true');
      document.body.append(viewport);
      setTimeout(() => {
        const root = viewport.appendChild(document.createElement('div')).attachShadow({
          mode: 'open',
        });
        const dialog = root.appendChild(document.createElement('p'));
        dialog.textContent = 'Call us';
        dialog.style.cssText = 'color:#222;background:#fff';
        dialog.animate([{ opacity: 0 }, { opacity: 1 }], 1500);
        viewport.removeAttribute('aria-busy');
      }, 600);
    });
    expect(await screenProblems(page, 'en', allowed)).toEqual([]);
    const opacity = await page.getByText('Call us').evaluate((p) => getComputedStyle(p).opacity);
    expect(opacity).toBe('1');
  });
});

describe('a language an admin gives', () => {
  it('is spoken to the person in an English browser, from their next sign-in', async () => {
    const studio = await pageIn('en');
    const found: Findings = {};
    await studio.goto(`${stage.platform.url}/studio/`);
    await signIn(studio, 'en', 'admin@demo.test', found);
    await go(studio, '#/account');
    const people = studio.getByRole('region', { name: studioTexts.en.account.people });
    await people.getByLabel('Olga Operator').selectOption('ru');
    await people.getByText(studioTexts.en.account.savedOf('Olga Operator')).waitFor();
    await check(studio, 'en', 'the staff’s languages', found);

    const desk = await pageIn('en');
    await desk.goto(`${stage.platform.url}/console/`);
    await desk.getByLabel(staffTexts.en.signIn.email).fill('operator2@demo.test');
    await desk.getByLabel(staffTexts.en.signIn.password).fill('demo-password');
    await desk.getByRole('button', { name: staffTexts.en.signIn.submit }).click();
    await desk.getByRole('navigation', { name: consoleTexts.ru.nav.label }).waitFor();
    expect(await desk.evaluate(() => document.documentElement.lang)).toBe('ru');
    await check(desk, 'ru', 'the console by the profile', found);
    expect(found).toEqual({});
  }, 180_000);
});

describe.each(['ru', 'en'] as const)('the console in %s', (language) => {
  it('shows every list, item and dialog in the language, clean under axe', async () => {
    const t = consoleTexts[language];
    const page = await pageIn(language);
    const found: Findings = {};
    await walk(found, async () => {
      await page.goto(`${stage.platform.url}/console/`);
      await signIn(page, language, 'admin@demo.test', found);
      await page.getByRole('navigation', { name: t.nav.label }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);

      for (const filter of ['all', 'unassigned', 'mine']) {
        await go(page, `#/chats?filter=${filter}`);
        await check(page, language, `chats ${filter}`, found);
      }
      await go(page, '#/chats?filter=all&channel=telegram');
      await check(page, language, 'chats on Telegram', found);
      await go(page, '#/chats?filter=all');
      await page.locator('.conversation-row').first().click();
      await page.getByRole('button', { name: t.conversation.send }).waitFor();
      await check(page, language, 'a chat', found);
      await page.getByRole('button', { name: t.handOver.open }).click();
      await check(page, language, 'hand over', found);
      await page.getByRole('button', { name: t.cancel }).click();
      await page.getByRole('button', { name: t.conversation.closeChat }).click();
      await check(page, language, 'close the chat?', found);
      await page.getByRole('button', { name: t.cancel }).click();

      for (const filter of ['open', 'scheduled', 'closed'] as const) {
        await go(page, `#/orders?filter=${filter}`);
        await check(page, language, `orders ${filter}`, found);
        await page.locator('.order-row').first().click();
        await check(page, language, `an order (${filter})`, found);
      }

      for (const section of ['calls', 'missed', 'history', 'contacts']) {
        await go(page, `#/${section}`);
        await check(page, language, section, found);
      }
      await go(page, '#/history');
      await page.locator('tbody tr button').first().click();
      await check(page, language, 'a history line', found);

      await go(page, '#/contacts');
      await page.locator('a[href*="contact="]').first().click();
      await page.getByRole('button', { name: t.contacts.save }).waitFor();
      await check(page, language, 'a contact', found);
      await page.getByRole('button', { name: t.contacts.eraseAsk }).click();
      await check(page, language, 'erase the contact?', found);
      await page.getByRole('button', { name: t.cancel }).click();

      await go(page, `#/search?q=${encodeURIComponent('+7912')}`);
      await check(page, language, 'search', found);
      await page.locator('details.shortcuts summary').click();
      await check(page, language, 'keyboard shortcuts', found);
    });
    expect(found).toEqual({});
  }, 300_000);
});

describe.each(['ru', 'en'] as const)('the Studio in %s', (language) => {
  it('shows every screen, tab and dialog in the language, clean under axe', async () => {
    const t = studioTexts[language];
    const page = await pageIn(language);
    const found: Findings = {};
    await walk(found, async () => {
      await page.goto(`${stage.platform.url}/studio/`);
      await signIn(page, language, 'admin@demo.test', found);
      await page.getByRole('navigation', { name: t.nav.label }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);

      for (const screen of ['widgets', 'groups', 'history', 'trunks', 'account', 'new']) {
        await go(page, `#/${screen}`);
        await check(page, language, screen, found);
      }
      await page.locator('input[type=radio]').first().check();
      await page.locator('form button[type=submit]').click();
      await check(page, language, 'new, step 2', found);

      await go(page, '#/history');
      await settled(page);
      const line = page.locator('tbody tr button').first();
      if (await line.count()) {
        await line.click();
        await check(page, language, 'a history line', found);
      }
      await go(page, '#/trunks');
      await page.getByRole('button', { name: t.trunks.add }).click();
      await check(page, language, 'a new trunk', found);

      const { store } = stage.platform.platform;
      for (const key of ['demo-call', 'demo-callback', 'demo-chat']) {
        const widget = await store.widgets.byKey(key);
        if (!widget) throw new Error(`no ${key}`);
        await go(page, `#/widgets/${widget.id}/basic`);
        await page.locator('nav.tabs a').first().waitFor();
        const tabs = await page
          .locator('nav.tabs a')
          .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
        for (const tab of tabs) {
          await go(page, tab);
          await check(page, language, `${key} ${tab.split('/').at(-1)}`, found);
        }
        await go(page, `#/widgets/${widget.id}/basic`);
        await page.getByRole('button', { name: t.editor.deleteWidget }).click();
        await check(page, language, `${key}: delete?`, found);
        await page.getByRole('button', { name: t.cancel }).click();
      }
      // A marketer: the account's language shown, not changed; the trunks not theirs.
      await page.getByRole('button', { name: t.nav.signOut }).click();
      await signIn(page, language, 'marketer@demo.test', found);
      await page.getByRole('navigation', { name: t.nav.label }).waitFor();
      for (const screen of ['account', 'trunks']) {
        await go(page, `#/${screen}`);
        await check(page, language, `${screen}, as a marketer`, found);
      }

      // Last, since the unsaved change keeps the Studio here: a field's error, inline.
      const callback = await store.widgets.byKey('demo-callback');
      await go(page, `#/widgets/${callback?.id}/basic`);
      await page.locator('#f-allowedOrigins').fill('not a site\nhttps://shop.example');
      await page.keyboard.press('Tab');
      await page.locator('#f-allowedOrigins[aria-invalid="true"]').waitFor();
      await check(page, language, 'a wrong site', found);
    });
    expect(found).toEqual({});
  }, 300_000);
});
