/**
 * Telegram end to end in Chromium: a customer plays Telegram on the messenger sandbox's page and
 * writes to the shop's bot → the operator sees it in the real console, marked Telegram, under
 * the customer's Telegram name → replies → the customer reads the reply on the sandbox's page.
 * The platform polls the sandbox's Bot API itself and its workers deliver the replies, as in
 * production.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type MessengerSandbox,
  type SandboxBot,
  startMessengerSandbox,
} from '../../packages/messenger-sandbox/src/index.ts';
import { axeViolations } from './axe.ts';
import { createChat } from './chat-helpers.ts';
import { type Stage, signInToConsole, startStage } from './harness.ts';

const pageDir = resolve(import.meta.dirname, '../../packages/messenger-sandbox/page/dist');

let sandbox: MessengerSandbox;
let stage: Stage;
let bot: SandboxBot;

beforeAll(async () => {
  if (!existsSync(resolve(pageDir, 'index.html'))) {
    throw new Error(`${pageDir} is empty: run \`pnpm build\` before the end-to-end tests`);
  }
  // The sandbox reads the stage's clock once the stage has one.
  let clock: (() => Date) | undefined;
  sandbox = await startMessengerSandbox({ clock: () => clock?.() ?? new Date() });
  stage = await startStage(new Date(), {
    env: {
      TELEGRAM_API_URL: sandbox.telegram.apiUrl,
      MESSENGER_LINK_BASE: sandbox.telegram.linkBase,
      // The workers run by themselves: they find the bot and deliver the replies.
      WORKER_INTERVAL_MS: '200',
    },
  });
  clock = stage.clock;
  bot = sandbox.telegram.createBot({ username: 'frontdesk_shop_bot', firstName: 'Shop' });
  const operator = await stage.platform.platform.store.users.byEmail('operator@demo.test');
  if (!operator) throw new Error('the demo account is not seeded');
  await createChat(
    stage,
    (settings) => ({
      ...settings,
      channels: {
        ...settings.channels,
        telegram: { enabled: true, receiver: null, botToken: bot.token, botName: bot.username },
      },
    }),
    operator.accountId,
  );
  // The workers' pass looks for new bots every few seconds; the test need not wait for it.
  await stage.platform.platform.channels.refresh();
});

afterAll(async () => {
  await stage?.stop();
  await sandbox?.close();
});

/** The sandbox's chat with the bot, as `firstName` (a new browser context). */
async function customerPage(firstName: string): Promise<Page> {
  const context = await stage.browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(`${sandbox.telegram.linkBase}/${bot.username}`);
  await page.getByLabel('First name').fill(firstName);
  await page.getByLabel('Last name (optional)').fill('Petrova');
  await page.getByRole('button', { name: 'Open the chat' }).click();
  return page;
}
const customerLog = (page: Page) => page.getByRole('log', { name: 'Chat with Shop' });
const conversation = (console: Page) => console.locator('article.conversation');

/** Replies in the console's opened conversation. */
async function reply(console: Page, text: string): Promise<void> {
  const box = conversation(console).getByLabel(/^Reply to/);
  await box.fill(text);
  await box.press('Enter');
}

describe('Telegram through the messenger sandbox', () => {
  it('carries a customer’s message to the console and the operator’s reply back to Telegram', async () => {
    const { page: console, pageErrors } = await signInToConsole(stage, 'operator@demo.test');
    const customer = await customerPage('Anna');
    await customer.getByLabel('Message').fill('Do you deliver on Sundays?');
    await customer.getByRole('button', { name: 'Send' }).click();

    const row = console.locator('.conversation-row', { hasText: 'Do you deliver on Sundays?' });
    await row.waitFor();
    expect(await row.locator('.visitor-name').textContent()).toBe('Anna Petrova');
    expect(await row.locator('[data-channel]').textContent()).toBe('Telegram');
    await row.click();
    await conversation(console).waitFor();
    await expect
      .poll(() => conversation(console).locator('[data-seq="1"] .meta').textContent())
      .toMatch(/· via Telegram$/);
    expect(await conversation(console).locator('.conversation-channel').textContent()).toBe(
      'Writes from Telegram',
    );
    expect(await axeViolations(console)).toEqual([]);

    await reply(console, 'Yes, on Sundays too.');
    await customerLog(customer).getByText('Yes, on Sundays too.').waitFor();
    await expect
      .poll(() => conversation(console).locator('.message-operator .receipt').textContent())
      .toBe(' · delivered to Telegram');

    await customer.getByLabel('Message').fill('Great, thank you!');
    await customer.getByRole('button', { name: 'Send' }).click();
    await expect
      .poll(() => conversation(console).locator('[role=log] .message .text').allTextContents())
      .toEqual(['Do you deliver on Sundays?', 'Yes, on Sundays too.', 'Great, thank you!']);
    expect(pageErrors).toEqual([]);
    await console.context().close();
    await customer.context().close();
  });
});
