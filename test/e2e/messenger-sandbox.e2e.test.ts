/**
 * The messenger sandbox's page in Chromium, as a person playing the customer uses it: the home
 * lists the bots and makes new ones; a deep link opens the chat with Start; the customer writes,
 * sees the bot typing and its replies, presses its inline buttons and sees their answers, blocks
 * and unblocks it. The bot's side is the sandbox's Bot API. Every screen passes axe, and the
 * strict Content-Security-Policy is never violated.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type MessengerSandbox,
  type SandboxBot,
  startMessengerSandbox,
} from '../../packages/messenger-sandbox/src/index.ts';
import { chromiumArgs, chromiumPath } from '../../vitest.config.ts';
import { axeViolations } from './axe.ts';

const pageDir = resolve(import.meta.dirname, '../../packages/messenger-sandbox/page/dist');

let sandbox: MessengerSandbox;
let browser: Browser;
let bot: SandboxBot;
/** What the browser's console said about the Content-Security-Policy. */
const violations: string[] = [];

beforeAll(async () => {
  if (!existsSync(resolve(pageDir, 'index.html'))) {
    throw new Error(`${pageDir} is empty: run \`pnpm build\` before the end-to-end tests`);
  }
  sandbox = await startMessengerSandbox();
  bot = sandbox.telegram.createBot({ username: 'shop_bot', firstName: 'Shop Bot' });
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
});
afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({
    locale: 'en-GB',
    viewport: { width: 1000, height: 900 },
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
  return page;
}

/** The bot's side: a call of the sandbox's Bot API. */
async function botCall(method: string, params: object = {}) {
  const response = await fetch(`${sandbox.telegram.apiUrl}/bot${bot.token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params),
  });
  return response.json();
}

/**
 * The texts and button data of the updates the bot has not confirmed, confirming them; with a
 * timeout, a long poll that answers as soon as there is one.
 */
async function takeUpdates(timeout = 0): Promise<string[]> {
  const { result } = await botCall('getUpdates', { timeout });
  if (result.length > 0) await botCall('getUpdates', { offset: result.at(-1).update_id + 1 });
  return result.map(
    (update: { message?: { text: string }; callback_query?: { data: string } }) =>
      update.message?.text ?? `button ${update.callback_query?.data}`,
  );
}

describe('the messenger sandbox page', () => {
  it('lists the bots and makes a new one, showing its token once', async () => {
    const page = await newPage();
    await page.goto(sandbox.url);
    await page.getByRole('heading', { name: 'Telegram', level: 2 }).waitFor();
    await expect(
      page.getByRole('link', { name: 'Shop Bot (@shop_bot)' }).getAttribute('href'),
    ).resolves.toBe('/telegram/shop_bot');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Username', { exact: true }).fill('support_bot');
    await page.getByLabel('Name (optional)', { exact: true }).fill('Support');
    await page.getByRole('button', { name: 'Create the bot' }).click();
    const made = sandbox.telegram.bots().find((b) => b.username === 'support_bot');
    await page.getByRole('status').filter({ hasText: '@support_bot is ready' }).waitFor();
    await expect(
      page.getByRole('status').filter({ hasText: 'is ready' }).textContent(),
    ).resolves.toContain(made?.token);
    await page.getByRole('link', { name: 'Support (@support_bot)' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('plays the customer: deep link, Start, typing, replies, buttons, blocking', async () => {
    const page = await newPage();
    await page.goto(`${sandbox.telegram.linkBase}/shop_bot?start=handoff_123`);
    await page.getByRole('heading', { name: 'Who are you in Telegram?' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('First name').fill('Anna');
    await page.getByLabel('Last name (optional)').fill('Petrova');
    await page.getByLabel('Username (optional)').fill('anna_p');
    await page.getByRole('button', { name: 'Open the chat' }).click();

    await page.getByRole('button', { name: 'Start' }).click();
    await page
      .getByRole('log', { name: 'Chat with Shop Bot' })
      .getByText('/start handoff_123')
      .waitFor();
    await page.waitForURL((url) => url.search === '');
    expect(await takeUpdates()).toEqual(['/start handoff_123']);
    const [chat] = sandbox.telegram.chats('shop_bot');
    expect(chat?.customer).toMatchObject({
      firstName: 'Anna',
      lastName: 'Petrova',
      username: 'anna_p',
    });

    await botCall('sendChatAction', { chat_id: chat?.id, action: 'typing' });
    await page.getByRole('status').filter({ hasText: 'Shop Bot is typing…' }).waitFor();
    await botCall('sendMessage', {
      chat_id: chat?.id,
      text: 'Hello Anna! How can we help?',
      reply_markup: {
        inline_keyboard: [
          [
            { text: 'Excellent', callback_data: 'rate:5' },
            { text: 'Poor', callback_data: 'rate:2' },
          ],
          [{ text: 'Our site', url: 'https://shop.example/' }],
        ],
      },
    });
    const log = page.getByRole('log', { name: 'Chat with Shop Bot' });
    await log.getByText('Hello Anna! How can we help?').waitFor();
    await page.getByRole('status').filter({ hasText: 'typing' }).waitFor({ state: 'detached' });
    expect(await log.getByRole('link', { name: 'Our site' }).getAttribute('href')).toBe(
      'https://shop.example/',
    );
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Message').fill('Where is my order?');
    await page.getByRole('button', { name: 'Send' }).click();
    await log.getByText('Where is my order?').waitFor();
    expect(await page.getByLabel('Message').inputValue()).toBe('');
    expect(await takeUpdates()).toEqual(['Where is my order?']);

    await log.getByRole('button', { name: 'Excellent' }).click();
    const [press] = (await botCall('getUpdates', { timeout: 10 })).result;
    expect(press.callback_query).toMatchObject({ data: 'rate:5', from: { first_name: 'Anna' } });
    await botCall('getUpdates', { offset: press.update_id + 1 });
    await botCall('answerCallbackQuery', {
      callback_query_id: press.callback_query.id,
      text: 'Thank you for the rating!',
    });
    await page.getByRole('status').filter({ hasText: 'Thank you for the rating!' }).waitFor();

    await page.getByRole('button', { name: 'Block the bot' }).click();
    await page.getByText('You blocked this bot.').waitFor();
    expect(await botCall('sendMessage', { chat_id: chat?.id, text: 'Still there?' })).toEqual({
      ok: false,
      error_code: 403,
      description: 'Forbidden: bot was blocked by the user',
    });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Unblock' }).click();
    await page.getByLabel('Message').waitFor();
    expect(violations).toEqual([]);
    await page.context().close();
  });
});
