/**
 * A platform and the messenger sandbox on one test clock, a chat widget with a Telegram bot of the
 * sandbox, and a customer to play: for the channel tests.
 */
import { type ChatSettings, defaultSettings, type Receiver } from '@frontdesk/config';
import {
  type Customer,
  type MessengerSandbox,
  type SandboxBot,
  startMessengerSandbox,
} from '@frontdesk/messenger-sandbox';
import type { Platform, StoredChatMessage, Widget } from '@frontdesk/platform';
import type { Update } from '@grammyjs/types';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { afterAll } from 'vitest';
import type { ReceiveDeps } from '../../src/chat/channels/receive-message';
import { isChat } from '../../src/chat/channels/telegram/telegram-bots';
import { telegramCredential } from '../../src/chat/channels/telegram/telegram-token';
import { chatFeed } from '../../src/chat/feed';
import { chatWidget, type SitePatch } from './chat';
import type { TestDatabase, TestEngine } from './databases';
import { startPlatform, type TestClock, type TestPlatform, testClock } from './platform';
import { type SocketSuite, type StartOptions, socketSuite } from './socket-suite';

/** Pollers quick enough for tests: a 1 s long poll, a 30 s lease (on the test clock), 20 ms ticks. */
export const TEST_CHANNEL_TUNING = {
  pollTimeoutSeconds: 1,
  leaseMs: 30_000,
  tickMs: 20,
  backoffMs: 1_000,
  maxBackoffMs: 8_000,
  refreshMs: 0,
};

/** A started sandbox and the clock it shares with the platforms. */
export interface TelegramStage {
  clock: TestClock;
  sandbox: MessengerSandbox;
  /** What a platform on the stage's clock, pointed at the sandbox's Telegram, starts with. */
  options(tuning?: Partial<typeof TEST_CHANNEL_TUNING>): StartOptions;
  /** A platform over `database` on the stage's clock, pointed at the sandbox's Telegram. */
  platform(
    database: TestDatabase,
    tuning?: Partial<typeof TEST_CHANNEL_TUNING>,
  ): Promise<TestPlatform>;
  /** The environment of a platform pointed at the sandbox. */
  env: NodeJS.ProcessEnv;
  close(): Promise<void>;
}

/** Starts the sandbox on a fresh test clock; `env` adds to the platforms' environment. */
export async function telegramStage(env: NodeJS.ProcessEnv = {}): Promise<TelegramStage> {
  const clock = testClock('2026-03-04T07:00:00Z');
  const sandbox = await startMessengerSandbox({ clock });
  const platformEnv = {
    ...env,
    TELEGRAM_API_URL: sandbox.telegram.apiUrl,
    MESSENGER_LINK_BASE: sandbox.url,
  };
  const options = (tuning: Partial<typeof TEST_CHANNEL_TUNING> = {}): StartOptions => ({
    clock,
    env: platformEnv,
    channelTuning: { ...TEST_CHANNEL_TUNING, ...tuning },
  });
  return {
    clock,
    sandbox,
    env: platformEnv,
    options,
    platform: (database, tuning) => startPlatform(database, options(tuning)),
    close: () => sandbox.close(),
  };
}

/** A {@link socketSuite} whose platform speaks to a started sandbox: {@link TelegramStage}. */
export interface TelegramSuite extends SocketSuite {
  readonly stage: TelegramStage;
}

/**
 * A sandbox, and a platform pointed at it on one engine, for the enclosing `describe`: the
 * sockets each test keeps are closed after it; the platform, its database and then the sandbox
 * at the end.
 */
export function telegramSuite(
  engine: TestEngine,
  tuning: Partial<typeof TEST_CHANNEL_TUNING> = {},
  /** Adds to the platform's environment (ATTACHMENT_MAX_BYTES, say). */
  env: NodeJS.ProcessEnv = {},
): TelegramSuite {
  let stage: TelegramStage | undefined;
  // Registered first, so it runs last: the platform stops polling before its sandbox goes.
  afterAll(() => stage?.close());
  const suite = socketSuite(engine, async () => {
    stage = await telegramStage(env);
    return stage.options(tuning);
  });
  return {
    get database() {
      return suite.database;
    },
    get t() {
      return suite.t;
    },
    keep: (client) => suite.keep(client),
    get stage() {
      if (!stage) throw new Error('telegramSuite: used before its beforeAll ran');
      return stage;
    },
  };
}

let bots = 0;

/**
 * A sandbox bot and a chat widget of `t`'s account with it as its Telegram channel (routed to
 * `receiver`), the site chat's settings patched by `site`; the platform's pollers refreshed.
 */
export async function telegramWidget(
  t: TestPlatform,
  sandbox: MessengerSandbox,
  options: {
    receiver?: Receiver | null;
    site?: SitePatch;
    refresh?: boolean;
    mode?: 'polling' | 'webhook';
    /** The widget's other settings (its main language, say). */
    settings?: Partial<ChatSettings>;
  } = {},
): Promise<{ widget: Widget; bot: SandboxBot }> {
  const bot = sandbox.telegram.createBot({ username: `shop${++bots}_bot`, firstName: 'Shop' });
  const defaults = defaultSettings('chat') as ChatSettings;
  const widget = await chatWidget(t, options.site, {
    ...options.settings,
    channels: {
      ...defaults.channels,
      telegram: {
        enabled: true,
        receiver: options.receiver ?? null,
        botToken: bot.token,
        botName: bot.username,
        ...(options.mode ? { mode: options.mode } : {}),
      },
    },
  });
  if (options.refresh !== false) await t.platform.channels.refresh();
  return { widget, bot };
}

/** Every message of `widget`'s conversations, oldest conversation first. */
export async function widgetMessages(
  t: TestPlatform,
  widget: Widget,
): Promise<StoredChatMessage[]> {
  const store = t.platform.store;
  const conversations = [
    ...(await store.conversations.list(t.accountId, 'open', 1000)),
    ...(await store.conversations.list(t.accountId, 'closed', 1000)),
  ]
    .filter((c) => c.widgetId === widget.id)
    .sort((a, b) => a.startedAt - b.startedAt);
  const messages = await Promise.all(
    conversations.map((c) => store.chatMessages.since(c.id, 0, 1000)),
  );
  return messages.flat();
}

let customers = 0;

/** A Telegram user to play. */
export function customer(sandbox: MessengerSandbox, firstName = 'Anna'): Customer {
  return sandbox.telegram.customer({
    firstName,
    lastName: `Customer${++customers}`,
    username: `${firstName.toLowerCase()}_${customers}`,
  });
}

/** The poller events of a platform's channels. */
export type PollerEvent = Parameters<Parameters<Platform['channels']['subscribe']>[0]>[0];

/**
 * The first poller event of `platform` from now on that `match` accepts (subscribe before what
 * causes it); rejects after 10 s.
 */
export function pollerEvent(
  platform: Platform,
  match: (event: PollerEvent) => boolean,
): Promise<PollerEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error('the awaited poller event did not come in 10 s'));
    }, 10_000);
    const unsubscribe = platform.channels.subscribe((event) => {
      if (!match(event)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(event);
    });
  });
}

/**
 * What receiving an update needs, over `t` on `clock`, for a test that hands updates over itself
 * (as a poller or a webhook would); `messagesPerMinute` is the customers' rate limit.
 */
export function receiveDeps(
  t: TestPlatform,
  clock: TestClock,
  messagesPerMinute = 100,
): ReceiveDeps {
  const { store } = t.platform;
  return {
    store,
    clock,
    feed: chatFeed(t.platform.io, { store, clock }),
    limiter: new RateLimiterMemory({ points: messagesPerMinute, duration: 60 }),
  };
}

/**
 * A new chat widget's sandbox bot (with `settings`) whose lease the test holds — no poller: the
 * test hands the updates over itself, as a poller or a webhook would — and what receiving needs
 * (`messagesPerMinute` per customer).
 */
export async function handedOverBot(
  t: TestPlatform,
  stage: TelegramStage,
  options: { settings?: Partial<ChatSettings>; messagesPerMinute?: number } = {},
) {
  const { widget, bot } = await telegramWidget(t, stage.sandbox, {
    refresh: false,
    ...(options.settings ? { settings: options.settings } : {}),
  });
  if (!isChat(widget)) throw new Error('not a chat widget');
  const credential = telegramCredential(bot.token);
  const lease = await t.platform.store.channels.leases.acquire({
    credential,
    holder: 'this test',
    leaseMs: 60_000,
    now: stage.clock().getTime(),
  });
  if (!lease) throw new Error('no lease');
  const deps = receiveDeps(t, stage.clock, options.messagesPerMinute);
  return { widget, bot, credential, lease, deps, store: t.platform.store };
}

/** A message of a private chat, as updates carry them. */
export type PrivateMessage = NonNullable<Update['message']> & NonNullable<Update['edited_message']>;
