/**
 * Viber end to end in Chromium, as production runs it: the platform behind a TLS front (a
 * throwaway CA; PUBLIC_URL is the front's https), the console loaded through it, the sandbox's
 * Viber calling the webhook the platform set (its signed check answered) and signing every
 * callback. A customer writes on the sandbox's Viber page → the operator sees it in the console
 * → replies → the customer reads the reply on the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  MessengerSandbox,
  ViberSandboxBot,
} from '../../packages/messenger-sandbox/src/index.ts';
import type { TlsFront } from '../../packages/platform/test/support/tls-front.ts';
import { createChat } from './chat-helpers.ts';
import { type Stage, signInToConsole } from './harness.ts';
import { type MessengerStage, startMessengerStage } from './messenger-stage.ts';
import { conversation, reply } from './telegram-helpers.ts';

let messengers: MessengerStage;
let front: TlsFront;
let sandbox: MessengerSandbox;
let stage: Stage;
let bot: ViberSandboxBot;

beforeAll(async () => {
  messengers = await startMessengerStage((sandbox) => ({ VIBER_API_URL: sandbox.viber.apiUrl }));
  ({ front, sandbox, stage } = messengers);
  bot = sandbox.viber.createBot({ name: 'Shop', uri: 'frontdesk_shop' });
  const operator = await stage.platform.platform.store.users.byEmail('operator@demo.test');
  if (!operator) throw new Error('the demo account is not seeded');
  await createChat(
    stage,
    (settings) => ({
      ...settings,
      channels: {
        ...settings.channels,
        viber: {
          enabled: true,
          receiver: null,
          botToken: bot.token,
          botName: bot.name,
          uri: bot.uri,
        },
      },
    }),
    operator.accountId,
  );
  await stage.platform.platform.channels.refresh();
});

afterAll(() => messengers?.stop());

describe('Viber through a TLS front', () => {
  it('carries a customer’s message to the console and the reply back', async () => {
    // The bot's lease holder sets the webhook at the front; the sandbox checked it, signed.
    await expect
      .poll(() => sandbox.viber.webhook(bot).url)
      .toMatch(new RegExp(`^${front.url}/v1/channels/viber/[0-9a-f]{24}/webhook$`));
    const { page: console, pageErrors } = await signInToConsole(
      stage,
      'operator@demo.test',
      front.url,
    );
    const context = await stage.browser.newContext({ locale: 'en-GB' });
    const customer = await context.newPage();
    await customer.goto(`${sandbox.viber.linkBase}/${bot.uri}`);
    await customer.getByLabel('Your name').fill('Olga Petrova');
    await customer.getByRole('button', { name: 'Open the chat' }).click();
    const write = async (text: string) => {
      await customer.getByLabel('Message').fill(text);
      await customer.getByRole('button', { name: 'Send' }).click();
    };
    await write('Do you deliver on Sundays?');

    const row = console.locator('.conversation-row', { hasText: 'Do you deliver on Sundays?' });
    await row.click();
    await conversation(console).waitFor();
    expect(await conversation(console).locator('.conversation-channel').textContent()).toBe(
      'Writes from Viber',
    );
    await reply(console, 'We do, from 10 to 16.');
    const log = customer.getByRole('log', { name: 'Chat with Shop' });
    await log.getByText('We do, from 10 to 16.').waitFor();
    await write('Thanks!');
    await expect
      .poll(() => conversation(console).locator('[role=log] .message .text').allTextContents())
      .toEqual(['Do you deliver on Sundays?', 'We do, from 10 to 16.', 'Thanks!']);
    // Every callback reached the webhook: none waits, none failed.
    expect(sandbox.viber.webhook(bot)).toEqual({ url: sandbox.viber.webhook(bot).url, pending: 0 });
    expect(pageErrors).toEqual([]);
    await console.context().close();
    await context.close();
  });
});
