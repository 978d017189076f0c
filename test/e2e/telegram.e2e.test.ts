/**
 * Telegram end to end in Chromium: a customer plays Telegram on the messenger sandbox's page and
 * writes to the shop's bot → the operator sees it in the real console, marked Telegram, under
 * the customer's Telegram name → replies → the customer reads the reply on the sandbox's page →
 * the operator closes the chat → the customer rates it with the question's buttons.
 * A visitor of the site chat goes on in Telegram through the widget's "Continue in Telegram":
 * the operator keeps one conversation. The platform polls the sandbox's Bot API itself and its
 * workers deliver the replies, as in production.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type MessengerSandbox,
  type SandboxBot,
  startMessengerSandbox,
} from '../../packages/messenger-sandbox/src/index.ts';
import { axeViolations } from './axe.ts';
import { chat, write } from './chat-helpers.ts';
import { type Stage, signInToConsole, signInToStudio, startStage, visit } from './harness.ts';
import {
  conversation,
  customerLog,
  customerPage as customerPageOf,
  customerWrites,
  reply,
  telegramChat,
  whoAmI,
} from './telegram-helpers.ts';

const pageDir = resolve(import.meta.dirname, '../../packages/messenger-sandbox/page/dist');

let sandbox: MessengerSandbox;
let stage: Stage;
let bot: SandboxBot;
/** The chat widget whose Telegram channel is the bot. */
let widgetKey: string;

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
      MESSENGER_LINK_BASE: sandbox.url,
      // The workers run by themselves: they find the bot and deliver the replies.
      WORKER_INTERVAL_MS: '200',
    },
  });
  clock = stage.clock;
  bot = sandbox.telegram.createBot({ username: 'frontdesk_shop_bot', firstName: 'Shop' });
  widgetKey = await telegramChat(stage, bot);
});

afterAll(async () => {
  await stage?.stop();
  await sandbox?.close();
});

/** The sandbox's chat with the bot, as `firstName` (a new browser context). */
const customerPage = (firstName: string) => customerPageOf(stage.browser, sandbox, bot, firstName);

describe('Telegram through the messenger sandbox', () => {
  it('carries a customer’s message to the console and the operator’s reply back to Telegram', async () => {
    const { page: console, pageErrors } = await signInToConsole(stage, 'operator@demo.test');
    const customer = await customerPage('Anna');
    await customerWrites(customer, 'Do you deliver on Sundays?');

    const row = console.locator('.conversation-row', { hasText: 'Do you deliver on Sundays?' });
    await row.waitFor();
    expect(await row.locator('.visitor-name').textContent()).toBe('Anna Petrova');
    expect(await row.locator('[data-channel]').textContent()).toBe('Telegram');
    // The inbox's channel filter: Telegram's chats only, then the website's (none of this one).
    await console.getByLabel('Channel').selectOption('telegram');
    await row.waitFor();
    await console.getByLabel('Channel').selectOption('site');
    await row.waitFor({ state: 'detached' });
    await console.getByLabel('Channel').selectOption('');
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

    await customerWrites(customer, 'Great, thank you!');
    await expect
      .poll(() => conversation(console).locator('[role=log] .message .text').allTextContents())
      .toEqual(['Do you deliver on Sundays?', 'Yes, on Sundays too.', 'Great, thank you!']);

    // Closing offers the rating in Telegram: the marks are buttons under the question.
    await conversation(console).getByRole('button', { name: 'Close chat' }).click();
    await conversation(console).getByRole('button', { name: 'Yes, close chat' }).click();
    await customerLog(customer).getByText('How was the chat?').waitFor();
    await customerLog(customer).getByRole('button', { name: 'Good' }).click();
    await customer.getByRole('status').filter({ hasText: 'Thank you for your rating!' }).waitFor();
    await console.locator('.context').getByText('Closed, rated Good').waitFor();
    expect(pageErrors).toEqual([]);
    await console.context().close();
    await customer.context().close();
  });

  it('goes on in Telegram from the site chat’s “Continue in Telegram”, one conversation for the operator', async () => {
    const { page: console, pageErrors } = await signInToConsole(stage, 'operator@demo.test');
    const site = await visit(stage, `/lead.html?widget=${widgetKey}`, { locale: 'en-GB' });
    await chat(site.page).locator('.launcher').click();
    await write(site.page, 'Is the green sofa in stock?');
    const row = console.locator('.conversation-row', { hasText: 'Is the green sofa in stock?' });
    await row.click();
    await conversation(console).waitFor();
    await reply(console, 'Let me look.');
    await chat(site.page).getByText('Let me look.').waitFor();

    // The widget opens the bot's deep link (on the sandbox's link base) in a tab of its own.
    const [telegram] = await Promise.all([
      site.context.waitForEvent('page'),
      chat(site.page).getByRole('button', { name: 'Continue in Telegram' }).click(),
    ]);
    await telegram.getByRole('heading', { name: 'Who are you in Telegram?' }).waitFor();
    await whoAmI(telegram, 'Boris');
    await telegram.getByRole('button', { name: 'Start' }).click();
    await telegram.waitForURL((url) => url.search === '');
    await customerWrites(telegram, 'Writing from Telegram now');

    // The same conversation, open in the console, goes on: the note, then Telegram's message.
    await expect
      .poll(() => conversation(console).locator('[role=log] .message .text').allTextContents())
      .toEqual([
        'Is the green sofa in stock?',
        'Let me look.',
        'The customer continued in Telegram as Boris Petrova.',
        'Writing from Telegram now',
      ]);
    expect(await conversation(console).locator('.conversation-channel').textContent()).toBe(
      'Writes from Telegram',
    );
    await reply(console, 'Yes, it is. Shall we bring it on Friday?');
    await customerLog(telegram).getByText('Yes, it is. Shall we bring it on Friday?').waitFor();
    expect(pageErrors).toEqual([]);
    expect(site.pageErrors).toEqual([]);
    await console.context().close();
    await site.context.close();
  });

  it('is a link away from the demo site’s header: the sandbox where a visitor plays the customer', async () => {
    const site = await visit(stage, '/');
    await site.page
      .getByRole('navigation', { name: 'Страницы демо' })
      .getByRole('link', { name: 'Песочница мессенджеров' })
      .click();
    await site.page.waitForURL((url) => url.origin === new URL(sandbox.url).origin);
    await site.page.getByRole('link', { name: 'Shop (@frontdesk_shop_bot)' }).waitFor();
    expect(site.pageErrors).toEqual([]);
    await site.context.close();
  });

  it('shows Telegram out of reach in the Studio; what was written and answered meanwhile goes through once it is back', async () => {
    const { page: console } = await signInToConsole(stage, 'operator@demo.test');
    const { page: studio, pageErrors } = await signInToStudio(stage);
    const widget = await stage.platform.platform.store.widgets.byKey(widgetKey);
    await studio.getByRole('link', { name: widget?.name ?? 'the test widget' }).click();
    const telegram = studio.getByRole('group', { name: 'Telegram' });
    const status = async () => {
      await telegram.getByRole('button', { name: 'Refresh the status' }).click();
      return telegram.locator('.channel-status [role=status]').textContent();
    };
    await expect.poll(status).toBe('Connected (long polling).');
    expect(await axeViolations(studio)).toEqual([]);

    const customer = await customerPage('Vera');
    await customerWrites(customer, 'Before the outage');
    const row = console.locator('.conversation-row', { hasText: 'Before the outage' });
    await row.click();
    await conversation(console).waitFor();

    await sandbox.telegram.faults.down('refused');
    // The poller's back-off and the replies' retries wait on the platform's clock.
    const later = () => stage.clock.advance(60_000);
    await expect
      .poll(async () => {
        later();
        return status();
      })
      .toBe('Not connected (long polling).');
    await telegram
      .getByText(/^Telegram did not answer getUpdates: connection (lost|refused)/)
      .waitFor();
    await reply(console, 'Answered during the outage');
    await expect
      .poll(() => conversation(console).locator('.message-operator .receipt').textContent())
      .toBe(' · sending to Telegram…');
    // The customer's side of Telegram works on: only the Bot API is away.
    await customerWrites(customer, 'Written during the outage');
    await customerLog(customer).getByText('Written during the outage').waitFor();

    await sandbox.telegram.faults.up();
    // Past the longest waits: the poller's back-off (60 s) and the reply's next attempt (5 min).
    stage.clock.advance(5 * 60_000);
    await expect.poll(status, { timeout: 15_000 }).toBe('Connected (long polling).');
    await customerLog(customer).getByText('Answered during the outage').waitFor();
    await expect
      .poll(() => conversation(console).locator('[role=log] .message .text').allTextContents())
      .toEqual(['Before the outage', 'Answered during the outage', 'Written during the outage']);
    await expect
      .poll(() => conversation(console).locator('.message-operator .receipt').textContent())
      .toBe(' · delivered to Telegram');
    expect(pageErrors).toEqual([]);
    await studio.context().close();
    await console.context().close();
    await customer.context().close();
  });
});
