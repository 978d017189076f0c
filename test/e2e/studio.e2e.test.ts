/**
 * The Studio, as a marketer uses it: sign in, create each widget type, change colours, texts
 * and schedule and watch the live previews follow before saving, save, copy the snippet, and
 * see a fresh page with that snippet show the widget so. The schedule preview matches the
 * platform's `/slots`; every screen passes axe; a widget can be created with the keyboard alone.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snippet } from '../../packages/loader/src/index.ts';
import { axeViolations } from './axe.ts';
import { demoOperatorOnline, type Stage, startStage } from './harness.ts';

/** The token the local Telegram Bot API knows. */
const BOT_TOKEN = '123456789:AAHe2eShopBotToken_0123456789abc';

/** A local server speaking the Telegram Bot API's getMe: the Studio's token check asks it. */
const botApi = createServer((request, response) => {
  const known = request.url === `/bot${BOT_TOKEN}/getMe`;
  response.writeHead(known ? 200 : 401, { 'content-type': 'application/json' }).end(
    JSON.stringify(
      known
        ? {
            ok: true,
            result: { id: 1, is_bot: true, first_name: 'E2E Shop Bot', username: 'e2e_shop_bot' },
          }
        : { ok: false, error_code: 401, description: 'Unauthorized' },
    ),
  );
});

let stage: Stage;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  await new Promise<void>((done) => botApi.listen(0, '127.0.0.1', done));
  const { port } = botApi.address() as AddressInfo;
  stage = await startStage(new Date(), { env: { TELEGRAM_API_URL: `http://127.0.0.1:${port}` } });
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await stage?.stop();
  await new Promise((done) => botApi.close(done));
});

/** A fresh browser context with the clipboard allowed (the Studio copies codes into it). */
async function newPage(): Promise<Page> {
  const context = await stage.browser.newContext({
    locale: 'en-GB',
    timezoneId: 'Europe/Moscow',
    viewport: { width: 1400, height: 900 },
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: stage.platform.url,
  });
  contexts.push(context);
  const page = await context.newPage();
  // Nothing the Studio does may fail in the console.
  page.on('pageerror', (error) => {
    throw error;
  });
  return page;
}

/** The Studio signed in as the demo marketer. */
async function signIn(page: Page): Promise<void> {
  await page.goto(`${stage.platform.url}/studio/`);
  await page.getByLabel('E-mail').fill('marketer@demo.test');
  await page.getByLabel('Password').fill('demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Widgets', level: 1 }).waitFor();
}

/** Waits for the opened preview widget's dialog to be shown and done moving in. */
async function previewSettled(page: Page): Promise<void> {
  await page.locator('[data-preview="opened"]').getByRole('dialog').waitFor();
  await page.waitForFunction(
    () =>
      document
        .querySelector('[data-preview="opened"] > [data-widget]')
        ?.shadowRoot?.querySelector('[role=dialog]')
        ?.getAnimations({ subtree: true }).length === 0,
  );
}

/**
 * Creates a widget of `type` (its radio's label) named `name` for the demo site through the
 * create screen.
 */
async function create(page: Page, type: string, name: string): Promise<string> {
  await page.getByRole('link', { name: 'Create a widget' }).click();
  await page.getByLabel(type, { exact: true }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('I accept the terms of use').check();
  await page.getByLabel('Widget name').fill(name);
  await page.getByLabel("Your site's address").fill(stage.site);
  await page.getByRole('button', { name: 'Create widget' }).click();
  await page.getByRole('heading', { name, level: 1 }).waitFor();
  return decodeURIComponent(new URL(page.url()).hash.split('/')[2] ?? '');
}

/** The stored widget of `id`. */
async function stored(id: string) {
  const widget = await stage.platform.platform.store.widgets.get(id);
  if (!widget) throw new Error(`no widget ${id}`);
  return widget;
}

/** The computed background colour of the launcher inside `scope`. */
const launcherColour = (page: Page, scope: string) =>
  page
    .locator(`${scope} .launcher`)
    .evaluate((element) => getComputedStyle(element).backgroundColor);

describe('Studio', () => {
  it('lets a marketer create a callback widget, preview changes live, save and embed it', async () => {
    const page = await newPage();
    await signIn(page);
    const id = await create(page, 'Callback', 'E2E callback');

    await page
      .getByLabel('Sites where the widget may run')
      .fill(`${new URL(stage.site).origin}\nhttp://127.0.0.1:*`);

    // Appearance: the real widget follows every change before anything is saved.
    await page.getByRole('link', { name: 'Appearance' }).click();
    await page.getByLabel('Title', { exact: true }).fill('Call me back, E2E');
    await page.getByLabel('Button or label text').fill('Ring me');
    await page.getByLabel('Primary colour', { exact: true }).fill('#aa2200');
    const opened = page.locator('[data-preview="opened"]');
    await opened.getByRole('heading', { name: 'Call me back, E2E' }).waitFor();
    await page
      .locator('[data-preview="launcher"]')
      .getByRole('button', { name: 'Ring me' })
      .waitFor();
    await expect
      .poll(() => launcherColour(page, '[data-preview="launcher"]'))
      .toBe('rgb(170, 34, 0)');
    // The marketer's field keeps the focus while the preview reopens.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-appearance-primaryColor');

    await page.getByLabel('Non-working time').check();
    await page.getByLabel('Non-working title').fill('Closed for E2E');
    await opened.getByRole('heading', { name: 'Closed for E2E' }).waitFor();
    await page.getByLabel('Lead generator').check();
    await page.getByLabel('Lead generator title').fill('Still there?');
    await opened.getByRole('heading', { name: 'Still there?' }).waitFor();
    // Nothing is saved before Save: the widget still has only the site it was created for.
    expect((await stored(id)).settings).toMatchObject({ allowedOrigins: [stage.site] });

    // Schedule: 24/7, and the preview says so at once.
    await page.getByRole('link', { name: 'Schedule' }).click();
    await page.getByRole('button', { name: 'Template: 24/7' }).click();
    await page.getByText('Open now', { exact: false }).waitFor();

    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    const widget = await stored(id);
    // Written in the widget's main language (Russian, the default), the English ones untouched.
    expect(widget.settings).toMatchObject({
      appearance: {
        primaryColor: '#aa2200',
        working: {
          title: { ru: 'Call me back, E2E', en: 'We will call you back in 30 seconds' },
          buttonText: { ru: 'Ring me' },
        },
        nonWorking: { title: { ru: 'Closed for E2E' } },
        leadGenerator: { title: { ru: 'Still there?' } },
      },
    });

    // Embed code: the copied code is snippet()'s.
    await page.getByRole('link', { name: 'Embed code' }).click();
    await page.getByRole('button', { name: 'Copy the button code' }).click();
    await page.getByText('Button code copied to the clipboard.').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(
      snippet({ baseUrl: stage.platform.url, widget: widget.key, format: 'button' }),
    );
    expect(await page.getByRole('link', { name: /Test widget/ }).getAttribute('href')).toBe(
      `${stage.platform.url}/test/${widget.key}`,
    );

    // The code and instructions go to a developer through the outbox.
    await page.getByLabel('Send the code and instructions to a developer').fill('dev@shop.example');
    await page.getByRole('button', { name: 'Send by e-mail' }).click();
    await page
      .getByText('The code and instructions are on their way to dev@shop.example.')
      .waitFor();
    const { items } = await stage.platform.platform.store.outbox.list({
      accountId: widget.accountId,
      limit: 5,
    });
    expect(items.find((mail) => mail.recipient === 'dev@shop.example')?.body).toContain(copied);

    // A fresh page of the site with that code shows the widget with those settings (its
    // working look: an operator of the account is online).
    const operator = await demoOperatorOnline(stage);
    const site = await (await newPage()).context().newPage();
    // A page of the site's origin (in the allowed origins) with no widget of its own: its 404.
    await site.goto(new URL('/no-widget-here', stage.site).href);
    await site.setContent(
      `<!doctype html><html lang="en"><body><h1>Shop</h1>${copied}</body></html>`,
    );
    const launcher = site.locator('frontdesk-callback').getByRole('button', { name: 'Ring me' });
    await launcher.waitFor();
    expect(await launcher.evaluate((e) => getComputedStyle(e).backgroundColor)).toBe(
      'rgb(170, 34, 0)',
    );
    await launcher.click();
    await site
      .locator('frontdesk-callback')
      .getByRole('heading', { name: 'Call me back, E2E' })
      .waitFor();
    operator.socket.close();
  });

  it('creates a call and a chat widget, and lists every type with its channels', async () => {
    const page = await newPage();
    await signIn(page);
    await create(page, 'Call from site', 'E2E call');
    await page.getByRole('link', { name: 'Appearance' }).click();
    await page.getByLabel('Title', { exact: true }).fill('Talk to us, E2E');
    await page
      .locator('[data-preview="opened"]')
      .getByRole('heading', { name: 'Talk to us, E2E' })
      .waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();

    await page.getByRole('link', { name: 'Widgets', exact: true }).click();
    const chatId = await create(page, 'Multichannel chat', 'E2E chat');
    await page.getByLabel('Connect Telegram').check();
    await page.getByRole('button', { name: 'Save' }).click();
    // The empty token is refused right next to its field, in the schema's words.
    await page.getByText(/must be a Telegram bot token/).waitFor();
    // A token the bot API refuses, then the right one: the bot's name appears.
    const token = page.getByRole('group', { name: 'Telegram' }).getByLabel('Bot token');
    await token.fill(`${BOT_TOKEN.slice(0, -3)}xyz`);
    await page.getByRole('button', { name: 'Check the token' }).click();
    await page.getByText('invalidAuthToken').waitFor();
    await token.fill(BOT_TOKEN);
    await page.getByRole('button', { name: 'Check the token' }).click();
    await page.getByText('Bot: E2E Shop Bot').waitFor();
    await page.getByRole('link', { name: 'Appearance' }).click();
    await page.getByLabel('Text on the chat button').fill('Chat with E2E');
    await page
      .locator('[data-preview="launcher"]')
      .getByRole('button', { name: /Chat with E2E/ })
      .waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    // The token is stored apart, write-only: the settings say only that one is set.
    expect((await stored(chatId)).settings).toMatchObject({
      appearance: { working: { buttonText: { ru: 'Chat with E2E' } } },
      channels: { telegram: { enabled: true, botToken: { set: true }, botName: 'e2e_shop_bot' } },
    });
    expect(
      await stage.platform.platform.store.secrets.get(
        { kind: 'widget', id: chatId },
        'channels.telegram.botToken',
      ),
    ).toBe(BOT_TOKEN);
    // Back on the settings: "set — Replace", no field holds it, and the check uses the stored one.
    await page.getByRole('link', { name: 'Settings' }).click();
    const telegram = page.getByRole('group', { name: 'Telegram' });
    await telegram.getByText('Bot token: set —').waitFor();
    expect(await telegram.getByLabel('Bot token').count()).toBe(0);
    expect(await page.content()).not.toContain(BOT_TOKEN);
    await telegram.getByRole('button', { name: 'Check the token' }).click();
    await telegram.getByText('Bot: E2E Shop Bot').waitFor();

    await page.getByRole('link', { name: 'Widgets', exact: true }).click();
    const rows = page.getByRole('row');
    await rows.filter({ hasText: 'E2E chat' }).getByText('Multichannel chat').waitFor();
    await rows.filter({ hasText: 'E2E call' }).getByText('Call from site').waitFor();
    await rows.filter({ hasText: 'E2E chat' }).getByText('Site chat, Telegram').waitFor();

    // Deleting from the settings form, with unsaved changes: no question, back to the list.
    await page.getByRole('link', { name: 'E2E call', exact: true }).click();
    await page.getByLabel('Name').fill('E2E call, renamed');
    await page.getByRole('button', { name: 'Delete widget' }).click();
    await page
      .getByRole('dialog', { name: /Delete/ })
      .getByRole('button', { name: 'Delete widget' })
      .click();
    await page.getByRole('heading', { name: 'Widgets', level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: 'E2E call', exact: true }).count()).toBe(0);
    // The list says so, and the focus starts at its heading (the deleted screen is gone).
    await page.getByText('E2E call was deleted.').waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Widgets');
  });

  it('shows the callback slots the platform offers, and asks before dropping changes', async () => {
    const page = await newPage();
    await page.clock.setFixedTime(stage.clock());
    await signIn(page);
    await page.getByRole('link', { name: 'Office hours callback' }).click();
    await page.getByRole('link', { name: 'Schedule' }).click();
    await page.getByRole('heading', { name: 'Callback slots' }).waitFor();
    const shown = await page
      .locator('.schedule-preview li[data-start]')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-start')));
    const { slots } = await (
      await fetch(`${stage.platform.url}/v1/widgets/demo-callback-office/slots`)
    ).json();
    expect(shown).toEqual(slots.map((slot: { start: string }) => slot.start));
    expect(shown.length).toBeGreaterThan(0);

    // An unsaved change: leaving asks first; "stay" keeps the marketer here.
    await page.getByRole('checkbox', { name: 'Monday', exact: true }).uncheck();
    const questions: string[] = [];
    page.once('dialog', (dialog) => {
      questions.push(dialog.message());
      void dialog.dismiss();
    });
    await page.getByRole('link', { name: 'Widgets', exact: true }).click();
    await expect.poll(() => questions).toEqual(['You have unsaved changes. Leave without saving?']);
    await page.getByRole('heading', { name: 'Callback slots' }).waitFor();
    expect(new URL(page.url()).hash).toContain('/schedule');
  });

  it('passes axe on every screen', async () => {
    const page = await newPage();
    await page.goto(`${stage.platform.url}/studio/`);
    await page.getByLabel('E-mail').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await signIn(page);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Create a widget' }).click();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Callback', { exact: true }).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('I accept the terms of use').check();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Widget name').fill('Axe callback');
    await page.getByLabel("Your site's address").fill('shop.example');
    await page.getByRole('button', { name: 'Create widget' }).click();
    await page.getByRole('heading', { name: 'Axe callback', level: 1 }).waitFor();

    await page.getByRole('link', { name: 'Widgets', exact: true }).click();
    await page.getByRole('link', { name: 'Office hours callback' }).click();
    for (const tab of ['Settings', 'Appearance', 'Schedule', 'Lead generator', 'Embed code']) {
      await page.getByRole('link', { name: tab, exact: true }).click();
      await page.locator(`nav[aria-label=Settings] a[aria-current=page]`).getByText(tab).waitFor();
      if (tab === 'Appearance') {
        await previewSettled(page);
      }
      expect(await axeViolations(page), tab).toEqual([]);
    }
    await page.getByRole('link', { name: 'Widgets', exact: true }).click();
    await page.getByRole('link', { name: 'Demo chat' }).click();
    for (const tab of ['Settings', 'Appearance', 'Schedule', 'Embed code']) {
      await page.getByRole('link', { name: tab, exact: true }).click();
      await page.locator(`nav[aria-label=Settings] a[aria-current=page]`).getByText(tab).waitFor();
      if (tab === 'Appearance') {
        await previewSettled(page);
      }
      expect(await axeViolations(page), `chat ${tab}`).toEqual([]);
    }
    await page.getByRole('link', { name: 'Widgets', exact: true }).click();
    await page.getByRole('link', { name: 'Call from the demo site' }).click();
    await page.getByLabel('Forwarding: who answers calls').waitFor();
    expect(await axeViolations(page), 'call Settings').toEqual([]);
    await page.getByRole('link', { name: 'Widgets', exact: true }).click();
    const href = await page
      .getByRole('link', { name: 'Axe callback', exact: true })
      .getAttribute('href');
    const axeId = decodeURIComponent(href?.split('/')[2] ?? '');
    await page.getByRole('button', { name: 'Delete Axe callback', exact: true }).click();
    await page.getByRole('dialog', { name: /Delete/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Reason (optional)').fill('E2E: not needed');
    await page.getByRole('button', { name: 'Delete widget' }).click();
    await page.getByText('Axe callback was deleted.').waitFor();
    expect(await page.getByRole('link', { name: 'Axe callback', exact: true }).count()).toBe(0);
    expect((await stored(axeId)).deleteReason).toBe('E2E: not needed');
  });

  it('creates a widget with the keyboard alone', async () => {
    const page = await newPage();
    await signIn(page);
    await tabTo(page, 'Create a widget');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /choose its type/ }).waitFor();
    // Tab enters the radio group at its first type; arrows move between the types.
    await tabTo(page, '', 'type-chat');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('type-call');
    await tabTo(page, 'Next');
    await page.keyboard.press('Enter');
    await tabTo(page, '', 'accept-terms');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Keyboard call');
    await page.keyboard.press('Tab');
    await page.keyboard.type('keyboard.example');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Keyboard call', level: 1 }).waitFor();
  });
});

/**
 * Presses Tab until the focused element has the text `name` (or the id `id`), at most 60 times.
 */
async function tabTo(page: Page, name: string, id?: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({
      text: document.activeElement?.textContent?.trim(),
      id: document.activeElement?.id,
    }));
    if (id ? focused.id === id : focused.text === name) return;
  }
  throw new Error(`Tab never reached "${id ?? name}"`);
}
