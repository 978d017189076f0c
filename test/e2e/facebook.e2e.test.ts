/**
 * Facebook Messenger end to end in Chromium: the platform behind a TLS front, the sandbox's app
 * verified at the platform's webhook (the Dashboard's GET), the page subscribed by the platform
 * with its Page token; a customer writes on the sandbox's Messenger page → the operator sees it
 * in the console → replies (the customer sees "typing…" while the operator types) → the
 * customer reads the reply.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FacebookPage, MessengerSandbox } from '../../packages/messenger-sandbox/src/index.ts';
import type { TlsFront } from '../../packages/platform/test/support/tls-front.ts';
import { createChat } from './chat-helpers.ts';
import { type Stage, signInToConsole } from './harness.ts';
import { type MessengerStage, startMessengerStage } from './messenger-stage.ts';
import { conversation, reply } from './telegram-helpers.ts';

const VERIFY_TOKEN = 'e2e-verify-token';

let messengers: MessengerStage;
let front: TlsFront;
let sandbox: MessengerSandbox;
let stage: Stage;
let page: FacebookPage;

beforeAll(async () => {
  messengers = await startMessengerStage((sandbox) => ({
    FACEBOOK_GRAPH_URL: sandbox.facebook.graphUrl,
    FACEBOOK_APP_ID: sandbox.facebook.app.id,
    FACEBOOK_APP_SECRET: sandbox.facebook.app.secret,
    FACEBOOK_VERIFY_TOKEN: VERIFY_TOKEN,
  }));
  ({ front, sandbox, stage } = messengers);
  await sandbox.facebook.setWebhook(`${front.url}/v1/channels/facebook/webhook`, VERIFY_TOKEN);
  page = sandbox.facebook.createPage({ name: 'Shop', username: 'frontdesk.shop' });
  const operator = await stage.platform.platform.store.users.byEmail('operator@demo.test');
  if (!operator) throw new Error('the demo account is not seeded');
  await createChat(
    stage,
    (settings) => ({
      ...settings,
      channels: {
        ...settings.channels,
        facebook: { enabled: true, receiver: null, pageId: page.id, pageToken: page.token },
      },
    }),
    operator.accountId,
  );
  await stage.platform.platform.channels.refresh();
});

afterAll(() => messengers?.stop());

describe('Facebook Messenger through a TLS front', () => {
  it('carries a customer’s message to the console and the reply back', async () => {
    // The page's lease holder subscribed the app to the page's messages.
    await expect.poll(() => sandbox.facebook.subscribedFields(page)).toContain('messages');
    const { page: console, pageErrors } = await signInToConsole(
      stage,
      'operator@demo.test',
      front.url,
    );
    const context = await stage.browser.newContext({ locale: 'en-GB' });
    const customer = await context.newPage();
    await customer.goto(`${sandbox.facebook.linkBase}/${page.username}`);
    await customer.getByLabel('Your name').fill('Olga Petrova');
    await customer.getByRole('button', { name: 'Open the chat' }).click();
    const write = async (text: string) => {
      await customer.getByLabel('Message').fill(text);
      await customer.getByRole('button', { name: 'Send' }).click();
    };
    await write('Is the shop open today?');

    await console.locator('.conversation-row', { hasText: 'Is the shop open today?' }).click();
    await conversation(console).waitFor();
    expect(await conversation(console).locator('.conversation-channel').textContent()).toBe(
      'Writes from Facebook',
    );
    await conversation(console)
      .getByLabel(/^Reply to/)
      .fill('Until 20:00');
    await customer.getByText('Shop is typing…').waitFor();
    await reply(console, 'Until 20:00 today.');
    const log = customer.getByRole('log', { name: 'Chat with Shop' });
    await log.getByText('Until 20:00 today.').waitFor();
    await write('Thanks!');
    await expect
      .poll(() => conversation(console).locator('[role=log] .message .text').allTextContents())
      .toEqual(['Is the shop open today?', 'Until 20:00 today.', 'Thanks!']);
    expect(sandbox.facebook.pending()).toBe(0);
    expect(pageErrors).toEqual([]);
    await console.context().close();
    await context.close();
  });
});
