/**
 * The messenger channels the messenger load bench spreads its customers over, as data: one
 * entry per channel and way its updates arrive — what the platform needs to reach the messenger's
 * sandbox, how a bot (or page) is made there, the chat widget's channel settings for it, how to
 * tell the platform listens to it, and how one of its customers writes. A new messenger is one
 * more entry.
 */
import type { ChatSettings } from '../../packages/config/src/index.ts';
import type { MessengerSandbox } from '../../packages/messenger-sandbox/src/index.ts';

/** A bot or page of a channel, made in the sandbox. */
export interface LoadAccount {
  /** The chat widget's channel settings for it (merged into its `channels`). */
  channels: Partial<ChatSettings['channels']>;
  /**
   * Resolves once the platform listens to it: its long poll waits, its webhook is set, its page
   * subscribed; rejects after `timeoutMs`.
   */
  listening(timeoutMs: number): Promise<void>;
  /** Its customers' updates still waiting in the sandbox for the platform. */
  waiting(): number;
  /** Calls `failed` with each failed webhook delivery to it (retried); returns the unsubscribe. */
  watch(failed: (message: string) => void): () => void;
  /** Customer number `i` of it: calling the result makes that customer write `text`. */
  customer(i: number): (text: string) => void;
}

/** One channel of the bench. */
export interface LoadChannel {
  /** Its name in the results: the messenger, and how updates reach the platform. */
  name: string;
  /** The platform's environment for this messenger: its API at the sandbox, its app. */
  env(sandbox: MessengerSandbox): Record<string, string>;
  /** Once the platform is up behind the https `frontUrl`: what the messenger's own dashboard does. */
  connect?(sandbox: MessengerSandbox, frontUrl: string): Promise<void>;
  /** Bot (or page) number `n`, made in the sandbox. */
  account(sandbox: MessengerSandbox, n: number): LoadAccount;
}

/** The verify token of the platform's Facebook app (FACEBOOK_VERIFY_TOKEN). */
const FACEBOOK_VERIFY_TOKEN = 'bench-verify-token';

/** Resolves once `check` holds (looked at every 100 ms); rejects naming `what` after `timeoutMs`. */
async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  for (const end = performance.now() + timeoutMs; !check(); ) {
    if (performance.now() > end) throw new Error(`the platform does not listen to ${what}`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** A Telegram bot whose updates reach the platform by `mode`. */
function telegram(mode: 'polling' | 'webhook'): LoadChannel {
  return {
    name: mode === 'polling' ? 'Telegram, long poll (getUpdates)' : 'Telegram, webhook',
    env: (sandbox) => ({ TELEGRAM_API_URL: sandbox.telegram.apiUrl }),
    account(sandbox, n) {
      const username = `bench_${mode === 'polling' ? 'poll' : 'hook'}_${n}_bot`;
      const bot = sandbox.telegram.createBot({ username, firstName: 'Shop' });
      return {
        channels: {
          telegram: { enabled: true, receiver: null, botToken: bot.token, botName: username, mode },
        },
        listening: (timeoutMs) =>
          mode === 'polling'
            ? sandbox.telegram.waitForLongPoll(bot, timeoutMs)
            : until(() => sandbox.telegram.webhookInfo(bot).url !== '', timeoutMs, username),
        waiting: () => sandbox.telegram.webhookInfo(bot).pending_update_count,
        watch: (failed) =>
          sandbox.telegram.subscribe((event) => {
            if (event.type === 'webhook-error' && event.bot === username) failed(event.message);
          }),
        customer(i) {
          const customer = sandbox.telegram.customer({ firstName: `Customer ${i}` });
          return (text) => void sandbox.telegram.write(bot, customer, text);
        },
      };
    },
  };
}

/** A VK community whose events reach the platform by `mode`. */
function vk(mode: 'longpoll' | 'callback'): LoadChannel {
  return {
    name: mode === 'longpoll' ? 'VK, Bots Long Poll' : 'VK, Callback API',
    env: (sandbox) => ({ VK_API_URL: sandbox.vk.apiUrl }),
    account(sandbox, n) {
      const screenName = `bench_vk_${mode}_${n}`;
      const community = sandbox.vk.createCommunity({ name: 'Shop', screenName });
      // A long poll request seen: the platform's poller is waiting (the events are kept anyway).
      let polled = false;
      const unpolled = sandbox.vk.subscribe((event) => {
        if (event.type === 'long-poll' && event.community === screenName) polled = true;
      });
      const servers = () => sandbox.vk.delivery(community).servers;
      return {
        channels: {
          vk: {
            enabled: true,
            receiver: null,
            groupId: screenName,
            accessToken: community.token,
            mode,
          },
        },
        listening: (timeoutMs) =>
          until(
            () =>
              mode === 'longpoll' ? polled : servers().some((server) => server.status === 'ok'),
            timeoutMs,
            `VK ${screenName}`,
          ).finally(unpolled),
        waiting: () =>
          mode === 'longpoll'
            ? sandbox.vk.delivery(community).longPoll.pending
            : servers().reduce((sum, server) => sum + server.pending, 0),
        watch: (failed) =>
          sandbox.vk.subscribe((event) => {
            if (event.type === 'callback-error' && event.community === screenName) {
              failed(event.message);
            }
          }),
        customer(i) {
          const user = sandbox.vk.user({ name: `Customer ${i}` });
          return (text) => void sandbox.vk.write(community, user, text);
        },
      };
    },
  };
}

/** The channels, in the order customers are dealt to them. */
export const LOAD_CHANNELS: LoadChannel[] = [
  telegram('polling'),
  telegram('webhook'),
  vk('longpoll'),
  vk('callback'),
  {
    name: 'Viber, webhook',
    env: (sandbox) => ({ VIBER_API_URL: sandbox.viber.apiUrl }),
    account(sandbox, n) {
      const bot = sandbox.viber.createBot({ name: 'Shop', uri: `bench_shop_${n}` });
      return {
        channels: {
          viber: {
            enabled: true,
            receiver: null,
            botToken: bot.token,
            botName: bot.name,
            uri: bot.uri,
          },
        },
        listening: (timeoutMs) =>
          until(() => sandbox.viber.webhook(bot).url !== '', timeoutMs, `Viber ${bot.uri}`),
        waiting: () => sandbox.viber.webhook(bot).pending,
        watch: (failed) =>
          sandbox.viber.subscribe((event) => {
            if (event.type === 'callback-error' && event.bot === bot.uri) failed(event.message);
          }),
        customer(i) {
          const user = sandbox.viber.user({ name: `Customer ${i}` });
          return (text) => void sandbox.viber.write(bot, user, text);
        },
      };
    },
  },
  {
    name: 'Facebook Messenger, webhook',
    env: (sandbox) => ({
      FACEBOOK_GRAPH_URL: sandbox.facebook.graphUrl,
      FACEBOOK_APP_ID: sandbox.facebook.app.id,
      FACEBOOK_APP_SECRET: sandbox.facebook.app.secret,
      FACEBOOK_VERIFY_TOKEN,
    }),
    // The app's webhook, set in the App Dashboard: verified by the platform (the GET) first.
    connect: (sandbox, frontUrl) =>
      sandbox.facebook.setWebhook(
        `${frontUrl}/v1/channels/facebook/webhook`,
        FACEBOOK_VERIFY_TOKEN,
      ),
    account(sandbox, n) {
      const page = sandbox.facebook.createPage({ name: 'Shop', username: `bench.shop.${n}` });
      return {
        channels: {
          facebook: { enabled: true, receiver: null, pageId: page.id, pageToken: page.token },
        },
        listening: (timeoutMs) =>
          until(
            () => sandbox.facebook.subscribedFields(page).includes('messages'),
            timeoutMs,
            `Facebook page ${page.username}`,
          ),
        waiting: () => sandbox.facebook.pending(page),
        watch: (failed) =>
          sandbox.facebook.subscribe((event) => {
            if (event.type === 'webhook-error' && event.page === page.id) failed(event.message);
          }),
        customer(i) {
          const person = sandbox.facebook.person({ name: `Customer ${i}` });
          return (text) => void sandbox.facebook.write(page, person, text);
        },
      };
    },
  },
];
