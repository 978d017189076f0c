/**
 * The stage of a messenger journey by webhook, as production runs it: a throwaway CA, the TLS
 * front before the platform (PUBLIC_URL its https, TRUST_PROXY naming it), and the messenger
 * sandbox on the platform's clock, delivering only to a certificate that CA signed; the site
 * chat's hand-off links go to the sandbox (MESSENGER_LINK_BASE).
 */

import type { Page } from 'playwright-core';
import type { ChatSettings } from '../../packages/config/src/index.ts';
import type { MessengerSandbox } from '../../packages/messenger-sandbox/src/index.ts';
import type { TlsFront } from '../../packages/platform/test/support/tls-front.ts';
import { chat, createChat, write as visitorWrites } from './chat-helpers.ts';
import { type Stage, signInToConsole, startStage, visit } from './harness.ts';
import { behindFront, startSandboxFront } from './sandbox-front.ts';
import { conversation, reply } from './telegram-helpers.ts';

/** A started messenger stage. */
export interface MessengerStage {
  front: TlsFront;
  sandbox: MessengerSandbox;
  stage: Stage;
  stop(): Promise<void>;
}

/** Starts it; `env` (the messenger's API base, …) is the platform's besides the front's. */
export async function startMessengerStage(
  env: (sandbox: MessengerSandbox) => Record<string, string>,
): Promise<MessengerStage> {
  let clock: (() => Date) | undefined;
  const messengers = await startSandboxFront(() => clock?.() ?? new Date());
  const { front, sandbox } = messengers;
  const stage = await startStage(new Date(), {
    env: { ...env(sandbox), ...behindFront(messengers), WORKER_INTERVAL_MS: '200' },
  });
  clock = stage.clock;
  front.target(stage.platform.url);
  return {
    front,
    sandbox,
    stage,
    async stop() {
      await stage.stop();
      await messengers.stop();
    },
  };
}

/**
 * The platform's environment for every messenger of the sandbox: the four APIs, and the
 * sandbox's Facebook app with `verifyToken` as its webhook's verify token.
 */
export function allMessengersEnv(
  sandbox: MessengerSandbox,
  verifyToken: string,
): Record<string, string> {
  return {
    TELEGRAM_API_URL: sandbox.telegram.apiUrl,
    VIBER_API_URL: sandbox.viber.apiUrl,
    VK_API_URL: sandbox.vk.apiUrl,
    FACEBOOK_GRAPH_URL: sandbox.facebook.graphUrl,
    FACEBOOK_APP_ID: sandbox.facebook.app.id,
    FACEBOOK_APP_SECRET: sandbox.facebook.app.secret,
    FACEBOOK_VERIFY_TOKEN: verifyToken,
  };
}

/**
 * A chat widget of the demo account (its operators see it) with `channels` besides the site's
 * (a bot, a page, a community), taken up by the platform's channels at once; its key.
 */
export async function messengerChat(
  { stage }: MessengerStage,
  channels: Partial<ChatSettings['channels']>,
): Promise<string> {
  const operator = await stage.platform.platform.store.users.byEmail('operator@demo.test');
  if (!operator) throw new Error('the demo account is not seeded');
  const key = await createChat(
    stage,
    (settings) => ({ ...settings, channels: { ...settings.channels, ...channels } }),
    operator.accountId,
  );
  await stage.platform.platform.channels.refresh();
  return key;
}

/**
 * The journey every messenger shares: the customer opens `customerUrl` (the sandbox's chat),
 * says who they are, writes `first` → the operator opens it in the console (signed in through
 * the front), sees where it came from (`channel`), answers `answer` (`whileTyping` runs while the
 * operator types, before the reply goes) → the customer reads it and writes "Thanks!" → the
 * console shows all three. Page errors of the console fail it.
 */
export async function messengerJourney(
  messengers: MessengerStage,
  options: {
    customerUrl: string;
    channel: string;
    first: string;
    answer: string;
    whileTyping?: (customer: Page) => Promise<void>;
  },
): Promise<void> {
  const { stage } = messengers;
  const { page: console, pageErrors } = await operatorConsole(messengers);
  const context = await stage.browser.newContext({ locale: 'en-GB' });
  const customer = await context.newPage();
  await customer.goto(options.customerUrl);
  await sayWhoIAm(customer);
  const write = (text: string) => customerWrites(customer, text);
  await write(options.first);
  await console.locator('.conversation-row', { hasText: options.first }).click();
  await conversation(console).waitFor();
  const from = await conversation(console).locator('.conversation-channel').textContent();
  if (from !== `Writes from ${options.channel}`) throw new Error(`the console says "${from}"`);
  if (options.whileTyping) {
    await conversation(console)
      .getByLabel(/^Reply to/)
      .fill(options.answer.slice(0, 5));
    await options.whileTyping(customer);
  }
  await reply(console, options.answer);
  await customer.getByRole('log', { name: 'Chat with Shop' }).getByText(options.answer).waitFor();
  await write('Thanks!');
  await consoleShows(console, [options.first, options.answer, 'Thanks!']);
  if (pageErrors.length > 0) throw new Error(`page errors: ${pageErrors.join('; ')}`);
  await console.context().close();
  await context.close();
}

/**
 * The site chat's hand-off every messenger shares: a visitor of the chat widget `widgetKey`
 * writes, the operator (signed in through the front) answers, the visitor presses "Continue in
 * `channel`" → the messenger's link opens on the sandbox in a tab of its own; the customer says
 * who they are and writes there → the operator's one conversation shows the visitor's message,
 * the answer, the hand-off's note and the messenger's message; the operator's next reply
 * reaches the customer in the messenger. Page errors of the console or the site fail it.
 */
export async function handoffJourney(
  messengers: MessengerStage,
  options: { widgetKey: string; channel: string },
): Promise<void> {
  const { stage } = messengers;
  const { page: console, pageErrors } = await operatorConsole(messengers);
  const site = await visit(stage, `/lead.html?widget=${options.widgetKey}`, { locale: 'en-GB' });
  await chat(site.page).locator('.launcher').click();
  const first = `Can I pay by card? (${options.channel})`;
  await visitorWrites(site.page, first);
  await console.locator('.conversation-row', { hasText: first }).click();
  await conversation(console).waitFor();
  await reply(console, 'Let me look.');
  await chat(site.page).getByText('Let me look.').waitFor();

  const [customer] = await Promise.all([
    site.context.waitForEvent('page'),
    chat(site.page)
      .getByRole('button', { name: `Continue in ${options.channel}` })
      .click(),
  ]);
  if (!customer.url().startsWith(`${messengers.sandbox.url}/`)) {
    throw new Error(`the hand-off opened ${customer.url()}`);
  }
  await sayWhoIAm(customer);
  await customerWrites(customer, `Writing from ${options.channel} now`);
  await consoleShows(console, [
    first,
    'Let me look.',
    `The customer continued in ${options.channel} as Olga Petrova.`,
    `Writing from ${options.channel} now`,
  ]);
  const from = await conversation(console).locator('.conversation-channel').textContent();
  if (from !== `Writes from ${options.channel}`) throw new Error(`the console says "${from}"`);
  await reply(console, 'Yes, any card.');
  await customer.getByRole('log', { name: 'Chat with Shop' }).getByText('Yes, any card.').waitFor();
  const errors = [...pageErrors, ...site.pageErrors];
  if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
  await console.context().close();
  await site.context.close();
}

/** The demo operator's console, signed in through the front. */
function operatorConsole({ stage, front }: MessengerStage) {
  return signInToConsole(stage, 'operator@demo.test', front.url);
}

/** The customer on a sandbox messenger's page says who they are: Olga Petrova. */
async function sayWhoIAm(customer: Page): Promise<void> {
  await customer.getByLabel('Your name').fill('Olga Petrova');
  await customer.getByRole('button', { name: 'Open the chat' }).click();
}

/** The customer writes `text` on a sandbox messenger's page. */
async function customerWrites(customer: Page, text: string): Promise<void> {
  await customer.getByLabel('Message').fill(text);
  await customer.getByRole('button', { name: 'Send' }).click();
}

/** Waits (≤ 10 s) until the console's open conversation shows exactly `texts`. */
async function consoleShows(console: Page, texts: string[]): Promise<void> {
  const expected = JSON.stringify(texts);
  for (let waited = 0; ; waited += 100) {
    const shown = await conversation(console)
      .locator('[role=log] .message .text')
      .allTextContents();
    if (JSON.stringify(shown) === expected) return;
    if (waited > 10_000) throw new Error(`the console shows ${JSON.stringify(shown)}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}
