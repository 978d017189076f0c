/**
 * The Facebook side of the webhook suite (viber.ts's `webhookSuite`): the platform's app is the
 * sandbox's, its callback URL verified at the platform's https route; chat widgets whose
 * Facebook channel is a sandbox page with its Page token.
 */
import { type ChatSettings, defaultSettings } from '@frontdesk/config';
import type { FacebookPage, FacebookPerson, MessengerSandbox } from '@frontdesk/messenger-sandbox';
import type { Widget } from '@frontdesk/platform';
import { beforeAll } from 'vitest';
import { facebookCredential } from '../../src/chat/channels/facebook/facebook-api';
import { pollerEvent } from './channels';
import { chatWidget, type SitePatch } from './chat';
import type { TestEngine } from './databases';
import { type ViberSuite, webhookSuite } from './viber';

const VERIFY_TOKEN = 'frontdesk-verify-token';

/** The suite, with the app's webhook verified and set before the tests. */
export function facebookSuite(engine: TestEngine): ViberSuite {
  const suite = webhookSuite(engine, (sandbox) => ({
    FACEBOOK_GRAPH_URL: sandbox.facebook.graphUrl,
    FACEBOOK_APP_ID: sandbox.facebook.app.id,
    FACEBOOK_APP_SECRET: sandbox.facebook.app.secret,
    FACEBOOK_VERIFY_TOKEN: VERIFY_TOKEN,
  }));
  beforeAll(async () => {
    await suite.sandbox.facebook.setWebhook(
      `${suite.front.url}/v1/channels/facebook/webhook`,
      VERIFY_TOKEN,
    );
  });
  return suite;
}

let pages = 0;

/** A sandbox page and a chat widget with it as its Facebook channel, the page subscribed. */
export async function facebookWidget(
  suite: ViberSuite,
  options: { site?: SitePatch; humanAgent?: boolean } = {},
): Promise<{ widget: Widget; page: FacebookPage; credential: string }> {
  const { t, sandbox } = suite;
  const page = sandbox.facebook.createPage({
    name: 'Shop',
    username: `shop.page${++pages}`,
    humanAgent: options.humanAgent ?? false,
  });
  const defaults = defaultSettings('chat') as ChatSettings;
  const widget = await chatWidget(t, options.site, {
    channels: {
      ...defaults.channels,
      facebook: {
        enabled: true,
        receiver: null,
        pageId: page.id,
        pageToken: page.token,
        ...(options.humanAgent ? { humanAgent: true } : {}),
      },
    },
  });
  const credential = facebookCredential(page.id);
  const set = pollerEvent(t.platform, (e) => e.type === 'webhook' && e.credential === credential);
  await t.platform.channels.refresh();
  await set;
  return { widget, page, credential };
}

let people = 0;

/** A person to play. */
export function facebookPerson(sandbox: MessengerSandbox, name = 'Anna'): FacebookPerson {
  return sandbox.facebook.person({ name: `${name} Facebook${++people}` });
}
