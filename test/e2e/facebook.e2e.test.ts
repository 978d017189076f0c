/**
 * Facebook Messenger end to end in Chromium: the platform behind a TLS front, the sandbox's app
 * verified at the platform's webhook (the Dashboard's GET), the page subscribed by the platform
 * with its Page token; a customer writes on the sandbox's Messenger page → the operator sees it
 * in the console → replies (the customer sees "typing…" while the operator types) → the
 * customer reads the reply. A visitor of the site chat goes on in Messenger through the
 * widget's "Continue in Facebook": the operator keeps one conversation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FacebookPage, MessengerSandbox } from '../../packages/messenger-sandbox/src/index.ts';
import type { TlsFront } from '../../packages/platform/test/support/tls-front.ts';
import {
  handoffJourney,
  type MessengerStage,
  messengerChat,
  messengerJourney,
  startMessengerStage,
} from './messenger-stage.ts';

const VERIFY_TOKEN = 'e2e-verify-token';

let messengers: MessengerStage;
let front: TlsFront;
let sandbox: MessengerSandbox;
/** The chat widget whose Facebook channel is the page. */
let widgetKey: string;
let page: FacebookPage;

beforeAll(async () => {
  messengers = await startMessengerStage((sandbox) => ({
    FACEBOOK_GRAPH_URL: sandbox.facebook.graphUrl,
    FACEBOOK_APP_ID: sandbox.facebook.app.id,
    FACEBOOK_APP_SECRET: sandbox.facebook.app.secret,
    FACEBOOK_VERIFY_TOKEN: VERIFY_TOKEN,
  }));
  ({ front, sandbox } = messengers);
  await sandbox.facebook.setWebhook(`${front.url}/v1/channels/facebook/webhook`, VERIFY_TOKEN);
  page = sandbox.facebook.createPage({ name: 'Shop', username: 'frontdesk.shop' });
  widgetKey = await messengerChat(messengers, {
    facebook: { enabled: true, receiver: null, pageId: page.id, pageToken: page.token },
  });
});

afterAll(() => messengers?.stop());

describe('Facebook Messenger through a TLS front', () => {
  it('carries a customer’s message to the console and the reply back', async () => {
    // The page's lease holder subscribed the app to the page's messages.
    await expect.poll(() => sandbox.facebook.subscribedFields(page)).toContain('messages');
    await messengerJourney(messengers, {
      customerUrl: `${sandbox.facebook.linkBase}/${page.username}`,
      channel: 'Facebook',
      first: 'Is the shop open today?',
      answer: 'Until 20:00 today.',
      // The operator's typing shows on Messenger (sender_action typing_on).
      whileTyping: (customer) => customer.getByText('Shop is typing…').waitFor(),
    });
    expect(sandbox.facebook.pending()).toBe(0);
  });

  it('goes on in Facebook from the site chat’s “Continue in Facebook”, one conversation for the operator', async () => {
    await handoffJourney(messengers, { widgetKey, channel: 'Facebook' });
  });
});
