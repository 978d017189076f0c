/**
 * What the Telegram journeys share: the customer's side on the messenger sandbox's page, a
 * chat widget whose Telegram channel is a sandbox bot, and the console's opened conversation.
 */
import type { Browser, Page } from 'playwright-core';
import type { MessengerSandbox, SandboxBot } from '../../packages/messenger-sandbox/src/index.ts';
import { createChat } from './chat-helpers.ts';
import type { Stage } from './harness.ts';

/**
 * A chat widget of the demo account (its operators receive it) whose Telegram channel is `bot`,
 * its messages arriving by `mode`; the platform's channels refreshed at once. Its key.
 */
export async function telegramChat(
  stage: Stage,
  bot: SandboxBot,
  mode: 'polling' | 'webhook' = 'polling',
): Promise<string> {
  const operator = await stage.platform.platform.store.users.byEmail('operator@demo.test');
  if (!operator) throw new Error('the demo account is not seeded');
  const key = await createChat(
    stage,
    (settings) => ({
      ...settings,
      channels: {
        ...settings.channels,
        telegram: {
          enabled: true,
          receiver: null,
          botToken: bot.token,
          botName: bot.username,
          mode,
        },
      },
    }),
    operator.accountId,
  );
  // The workers' pass looks for new bots every few seconds; the test need not wait for it.
  await stage.platform.platform.channels.refresh();
  return key;
}

/** The sandbox's chat with `bot`, as `firstName` Petrova (a new browser context). */
export async function customerPage(
  browser: Browser,
  sandbox: MessengerSandbox,
  bot: SandboxBot,
  firstName: string,
): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(`${sandbox.telegram.linkBase}/${bot.username}`);
  await whoAmI(page, firstName);
  return page;
}

/** Answers the sandbox page's "Who are you in Telegram?" as `firstName` Petrova. */
export async function whoAmI(page: Page, firstName: string): Promise<void> {
  await page.getByLabel('First name').fill(firstName);
  await page.getByLabel('Last name (optional)').fill('Petrova');
  await page.getByRole('button', { name: 'Open the chat' }).click();
}

/** The customer writes `text` to the bot on the sandbox's page. */
export async function customerWrites(page: Page, text: string): Promise<void> {
  await page.getByLabel('Message').fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
}

/** The customer's chat with the bot (first name "Shop") on the sandbox's page. */
export const customerLog = (page: Page) => page.getByRole('log', { name: 'Chat with Shop' });
/** The console's opened conversation. */
export const conversation = (console: Page) => console.locator('article.conversation');

/** Replies in the console's opened conversation. */
export async function reply(console: Page, text: string): Promise<void> {
  const box = conversation(console).getByLabel(/^Reply to/);
  await box.fill(text);
  await box.press('Enter');
}
