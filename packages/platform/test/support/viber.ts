/**
 * A platform behind a TLS front (a throwaway CA: Viber delivers only to a certificate it can
 * verify), the messenger sandbox's Viber on the same test clock, and chat widgets whose Viber
 * channel is a sandbox bot: for the Viber channel tests.
 */
import { type ChatSettings, defaultSettings, type Receiver } from '@frontdesk/config';
import {
  type MessengerSandbox,
  startMessengerSandbox,
  type ViberSandboxBot,
  type ViberUser,
} from '@frontdesk/messenger-sandbox';
import type { Widget } from '@frontdesk/platform';
import { afterAll, beforeAll } from 'vitest';
import {
  type ThrowawayCa,
  throwawayCa,
} from '../../../messenger-sandbox/test/support/throwaway-ca';
import { viberCredential } from '../../src/chat/channels/viber/viber-api';
import { pollerEvent, TEST_CHANNEL_TUNING } from './channels';
import { chatWidget, type SitePatch } from './chat';
import type { TestDatabase, TestEngine } from './databases';
import { connectOps, type OpsClient } from './ops-client';
import { startPlatform, type TestClock, type TestPlatform, testClock } from './platform';
import { type TlsFront, tlsFront } from './tls-front';

/** What a Viber (or Facebook) test works with (set by the enclosing describe's beforeAll). */
export interface ViberSuite {
  clock: TestClock;
  sandbox: MessengerSandbox;
  front: TlsFront;
  database: TestDatabase;
  t: TestPlatform;
  operator: OpsClient;
}

/** Starts (and at the end stops) everything a Viber test needs, on `engine`. */
export function viberSuite(engine: TestEngine): ViberSuite {
  return webhookSuite(engine, (sandbox) => ({ VIBER_API_URL: sandbox.viber.apiUrl }));
}

/**
 * Starts (and at the end stops) a platform behind the TLS front and the sandbox on one clock, on
 * `engine`, the platform's environment besides PUBLIC_URL from `env`: for any messenger whose
 * updates come by webhook.
 */
export function webhookSuite(
  engine: TestEngine,
  env: (sandbox: MessengerSandbox) => Record<string, string>,
): ViberSuite {
  const suite = {} as ViberSuite;
  let ca: ThrowawayCa | undefined;
  beforeAll(async () => {
    suite.clock = testClock('2026-03-04T07:00:00Z');
    ca = await throwawayCa();
    suite.front = await tlsFront(ca);
    suite.sandbox = await startMessengerSandbox({
      clock: suite.clock,
      caFile: ca.caFile,
      viber: { callbackRetry: { firstMs: 20, maxMs: 100 } },
      vk: { callbackRetry: { firstMs: 20, maxMs: 100 } },
      facebook: { deliveryRetry: { firstMs: 20, maxMs: 100 } },
    });
    suite.database = await engine.open();
    suite.t = await startPlatform(suite.database, {
      clock: suite.clock,
      env: { ...env(suite.sandbox), PUBLIC_URL: suite.front.url },
      channelTuning: TEST_CHANNEL_TUNING,
    });
    suite.front.target(suite.t.url);
    suite.operator = await connectOps(suite.t, 'operator');
  });
  afterAll(async () => {
    suite.operator?.socket.close();
    await suite.t?.close();
    await suite.database?.drop();
    await suite.sandbox?.close();
    await suite.front?.close();
    await ca?.remove();
  });
  return suite;
}

let bots = 0;

/**
 * A sandbox Viber bot and a chat widget of the suite's account with it as its Viber channel;
 * resolves once the platform has set the bot's webhook.
 */
export async function viberWidget(
  suite: ViberSuite,
  options: {
    receiver?: Receiver | null;
    site?: SitePatch;
    /** Another token than the bot's (one Viber does not know): the webhook is not waited for. */
    token?: string;
  } = {},
): Promise<{ widget: Widget; bot: ViberSandboxBot; credential: string }> {
  const { t, sandbox } = suite;
  const bot = sandbox.viber.createBot({ name: 'Shop', uri: `shop${++bots}` });
  const defaults = defaultSettings('chat') as ChatSettings;
  const widget = await chatWidget(t, options.site, {
    channels: {
      ...defaults.channels,
      viber: {
        enabled: true,
        receiver: options.receiver ?? null,
        botToken: options.token ?? bot.token,
        botName: bot.name,
        uri: bot.uri,
      },
    },
  });
  const credential = viberCredential(options.token ?? bot.token);
  const set = pollerEvent(
    t.platform,
    (e) => e.type === 'webhook' && e.credential === credential && e.url !== null,
  );
  await t.platform.channels.refresh();
  if (options.token === undefined) await set;
  else set.catch(() => undefined);
  return { widget, bot, credential };
}

let users = 0;

/** A Viber user to play. */
export function viberUser(sandbox: MessengerSandbox, name = 'Anna'): ViberUser {
  return sandbox.viber.user({ name: `${name} Viber${++users}` });
}
