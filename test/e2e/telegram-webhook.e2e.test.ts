/**
 * Telegram in webhook mode end to end in Chromium, as production runs it: the platform behind a
 * TLS front (a throwaway CA made at start; PUBLIC_URL is the front's https — `TLS_FRONT=1 npm
 * start` — so WEBHOOK_URL, unset, is too; TRUST_PROXY names it), the console loaded through the
 * front (its socket too), the sandbox's Telegram delivering the bot's updates
 * to the webhook the platform set there with its secret (and verifying the certificate). A
 * customer writes on the sandbox's page → the operator sees it in the console → replies → the
 * customer reads the reply.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessengerSandbox, SandboxBot } from '../../packages/messenger-sandbox/src/index.ts';
import type { TlsFront } from '../../packages/platform/test/support/tls-front.ts';
import { type Stage, signInToConsole } from './harness.ts';
import { type MessengerStage, startMessengerStage } from './messenger-stage.ts';
import {
  conversation,
  customerLog,
  customerPage,
  customerWrites,
  reply,
  telegramChat,
} from './telegram-helpers.ts';

let messengers: MessengerStage;
let front: TlsFront;
let sandbox: MessengerSandbox;
let stage: Stage;
let bot: SandboxBot;

beforeAll(async () => {
  messengers = await startMessengerStage((sandbox) => ({
    TELEGRAM_API_URL: sandbox.telegram.apiUrl,
    MESSENGER_LINK_BASE: sandbox.url,
  }));
  ({ front, sandbox, stage } = messengers);
  bot = sandbox.telegram.createBot({ username: 'frontdesk_hook_bot', firstName: 'Shop' });
  await telegramChat(stage, bot, 'webhook');
});

afterAll(() => messengers?.stop());

describe('Telegram by webhook through a TLS front', () => {
  it('carries a customer’s message to the console and the reply back, by webhook', async () => {
    // The bot's lease holder sets the webhook at the front with a secret.
    await expect
      .poll(() => sandbox.telegram.webhookInfo(bot.username).url)
      .toMatch(new RegExp(`^${front.url}/v1/channels/telegram/\\d+/webhook$`));
    const { page: console, pageErrors } = await signInToConsole(
      stage,
      'operator@demo.test',
      front.url,
    );
    const customer = await customerPage(stage.browser, sandbox, bot, 'Olga');
    await customerWrites(customer, 'Is the webhook on?');

    const row = console.locator('.conversation-row', { hasText: 'Is the webhook on?' });
    await row.click();
    await conversation(console).waitFor();
    expect(await conversation(console).locator('.conversation-channel').textContent()).toBe(
      'Writes from Telegram',
    );
    await reply(console, 'It is, and this came back through it.');
    await customerLog(customer).getByText('It is, and this came back through it.').waitFor();
    await customerWrites(customer, 'Thanks!');
    await expect
      .poll(() => conversation(console).locator('[role=log] .message .text').allTextContents())
      .toEqual(['Is the webhook on?', 'It is, and this came back through it.', 'Thanks!']);
    // Every update went by webhook: Telegram kept none for getUpdates, and none failed.
    expect(sandbox.telegram.webhookInfo(bot.username)).toMatchObject({
      pending_update_count: 0,
    });
    expect(sandbox.telegram.webhookInfo(bot.username)).not.toHaveProperty('last_error_message');
    expect(pageErrors).toEqual([]);
    await console.context().close();
    await customer.context().close();
  });
});
