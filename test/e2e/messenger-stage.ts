/**
 * The stage of a messenger journey by webhook, as production runs it: a throwaway CA, the TLS
 * front before the platform (PUBLIC_URL its https, TRUST_PROXY naming it), and the messenger
 * sandbox on the platform's clock, delivering only to a certificate that CA signed.
 */

import type { Page } from 'playwright-core';
import {
  type MessengerSandbox,
  startMessengerSandbox,
} from '../../packages/messenger-sandbox/src/index.ts';
import {
  type ThrowawayCa,
  throwawayCa,
} from '../../packages/messenger-sandbox/test/support/throwaway-ca.ts';
import { type TlsFront, tlsFront } from '../../packages/platform/test/support/tls-front.ts';
import { type Stage, signInToConsole, startStage } from './harness.ts';
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
  const ca: ThrowawayCa = await throwawayCa();
  const front = await tlsFront(ca);
  let clock: (() => Date) | undefined;
  const sandbox = await startMessengerSandbox({
    clock: () => clock?.() ?? new Date(),
    caFile: ca.caFile,
  });
  const stage = await startStage(new Date(), {
    env: {
      ...env(sandbox),
      PUBLIC_URL: front.url,
      TRUST_PROXY: '127.0.0.1',
      WORKER_INTERVAL_MS: '200',
    },
  });
  clock = stage.clock;
  front.target(stage.platform.url);
  return {
    front,
    sandbox,
    stage,
    async stop() {
      await stage.stop();
      await sandbox.close();
      await front.close();
      await ca.remove();
    },
  };
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
  const { stage, front } = messengers;
  const { page: console, pageErrors } = await signInToConsole(
    stage,
    'operator@demo.test',
    front.url,
  );
  const context = await stage.browser.newContext({ locale: 'en-GB' });
  const customer = await context.newPage();
  await customer.goto(options.customerUrl);
  await customer.getByLabel('Your name').fill('Olga Petrova');
  await customer.getByRole('button', { name: 'Open the chat' }).click();
  const write = async (text: string) => {
    await customer.getByLabel('Message').fill(text);
    await customer.getByRole('button', { name: 'Send' }).click();
  };
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
  const expected = JSON.stringify([options.first, options.answer, 'Thanks!']);
  for (let waited = 0; ; waited += 100) {
    const texts = await conversation(console)
      .locator('[role=log] .message .text')
      .allTextContents();
    if (JSON.stringify(texts) === expected) break;
    if (waited > 10_000) throw new Error(`the console shows ${JSON.stringify(texts)}`);
    await new Promise((done) => setTimeout(done, 100));
  }
  if (pageErrors.length > 0) throw new Error(`page errors: ${pageErrors.join('; ')}`);
  await console.context().close();
  await context.close();
}
