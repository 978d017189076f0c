/**
 * The messengers across SIGKILL of the built platform — Telegram in polling and in webhook mode,
 * VK by Bots Long Poll and by Callback API, Viber and Facebook (webhooks only), webhooks through a TLS front with a throwaway CA: customers of the
 * messenger sandbox write as fast as they can while the platform is killed mid-burst and started
 * again, and the operator keeps replying. Every update ends up stored exactly once (one message,
 * one `channel_inbound` record each); every reply the platform acknowledged reaches the messenger
 * — once, or once more when the kill fell between its answer and the record of it (CHAT.md: at
 * least once, at most once more).
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { ChatAck, ChatMessage } from '@frontdesk/config';
import { type MessengerSandbox, startMessengerSandbox } from '@frontdesk/messenger-sandbox';
import { freePort } from '@frontdesk/platform';
import SQLite from 'better-sqlite3';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ThrowawayCa,
  throwawayCa,
} from '../../../../messenger-sandbox/test/support/throwaway-ca';
import {
  type BuiltPlatform,
  builtPlatform,
  demoOperatorSocket,
  demoSignIn,
  killMidStream,
} from '../../support/built-platform';
import { type TlsFront, tlsFront } from '../../support/tls-front';

const KILLS = 3;
/** Updates the platform stores in each life before it is killed (the kill lands mid-burst). */
const UPDATES_PER_LIFE = 15;
const CUSTOMERS = 3;
/** How far the customers may write ahead of what the platform has stored. */
const BACKLOG = 60;

/** What `chat:send` acknowledges. */
type Sent = ChatAck<{ message: ChatMessage }>;

let ca: ThrowawayCa;
let front: TlsFront;
let sandbox: MessengerSandbox;

beforeAll(async () => {
  ca = await throwawayCa();
  front = await tlsFront(ca);
  sandbox = await startMessengerSandbox({
    caFile: ca.caFile,
    telegram: { webhookRetry: { firstMs: 50, maxMs: 400 } },
    viber: { callbackRetry: { firstMs: 50, maxMs: 400 } },
    vk: { callbackRetry: { firstMs: 50, maxMs: 400 } },
    facebook: { deliveryRetry: { firstMs: 50, maxMs: 400 } },
  });
});
afterAll(async () => {
  await sandbox?.close();
  await front?.close();
  await ca?.remove();
});

type Channel = 'telegram' | 'viber' | 'vk' | 'facebook';

/** One messenger's side of the burst: its bot connected, its customers writing, what it got. */
interface Driver {
  /** The channel's settings for the demo chat, and the sandbox's bot ready to read. */
  connect(): Promise<{ channel: Channel; settings: object; ready(): boolean }>;
  /** Customer `n % CUSTOMERS` writes `text`. */
  write(n: number, text: string): void;
  /** How many times each text reached the customers from the bot. */
  delivered(): Map<string, number>;
}

const count = (texts: string[]) => {
  const times = new Map<string, number>();
  for (const text of texts) times.set(text, (times.get(text) ?? 0) + 1);
  return times;
};

function telegramDriver(mode: 'polling' | 'webhook'): Driver {
  const bot = sandbox.telegram.createBot({ username: `crash_${mode}_bot`, firstName: 'Shop' });
  const customers = Array.from({ length: CUSTOMERS }, (_, i) =>
    sandbox.telegram.customer({ firstName: `Burst${i}`, username: `burst_${mode}_${i}` }),
  );
  let polling = false;
  return {
    connect: async () => {
      if (mode === 'polling') {
        void sandbox.telegram.waitForLongPoll(bot.username, 20_000).then(
          () => {
            polling = true;
          },
          () => undefined,
        );
      }
      return {
        channel: 'telegram',
        settings: {
          enabled: true,
          receiver: null,
          botToken: bot.token,
          botName: bot.username,
          mode,
        },
        ready: () =>
          mode === 'polling' ? polling : !!sandbox.telegram.webhookInfo(bot.username).url,
      };
    },
    write: (n, text) => {
      sandbox.telegram.write(bot.username, customers[n % CUSTOMERS] as (typeof customers)[0], text);
    },
    delivered: () =>
      count(
        sandbox.telegram
          .chats(bot.username)
          .flatMap((chat) => sandbox.telegram.messages(bot.username, chat.id))
          .filter((entry) => entry.sender === 'bot')
          .map((entry) => entry.message.text ?? ''),
      ),
  };
}

function viberDriver(): Driver {
  const bot = sandbox.viber.createBot({ name: 'Shop', uri: 'crash_shop' });
  const users = Array.from({ length: CUSTOMERS }, (_, i) =>
    sandbox.viber.user({ name: `Burst${i}` }),
  );
  return {
    connect: async () => ({
      channel: 'viber',
      settings: {
        enabled: true,
        receiver: null,
        botToken: bot.token,
        botName: bot.name,
        uri: bot.uri,
      },
      ready: () => !!sandbox.viber.webhook(bot).url,
    }),
    write: (n, text) => {
      sandbox.viber.write(bot, users[n % CUSTOMERS] as (typeof users)[0], text);
    },
    delivered: () =>
      count(
        users
          .flatMap((user) => {
            try {
              return sandbox.viber.messages(bot, user.id);
            } catch {
              return [];
            }
          })
          .filter((entry) => entry.sender === 'bot')
          .map((entry) => entry.text),
      ),
  };
}

function vkDriver(mode: 'longpoll' | 'callback'): Driver {
  const community = sandbox.vk.createCommunity({ name: 'Shop', screenName: `crash_${mode}` });
  const users = Array.from({ length: CUSTOMERS }, (_, i) =>
    sandbox.vk.user({ name: `Burst${i} ${mode}` }),
  );
  let polling = false;
  return {
    connect: async () => {
      if (mode === 'longpoll') {
        void sandbox.vk
          .waitForEvent(
            (e) => e.type === 'long-poll' && e.community === community.screenName,
            20_000,
          )
          .then(
            () => {
              polling = true;
            },
            () => undefined,
          );
      }
      return {
        channel: 'vk',
        settings: {
          enabled: true,
          receiver: null,
          groupId: community.screenName,
          accessToken: community.token,
          mode,
        },
        ready: () =>
          mode === 'longpoll'
            ? polling
            : sandbox.vk
                .delivery(community)
                .servers.some((s) => s.status === 'ok' && s.events.includes('message_new')),
      };
    },
    write: (n, text) => {
      sandbox.vk.write(community, users[n % CUSTOMERS] as (typeof users)[0], text);
    },
    delivered: () =>
      count(
        users
          .flatMap((user) => {
            try {
              return sandbox.vk.messages(community, user.id);
            } catch {
              return [];
            }
          })
          .filter((entry) => entry.from === 'community')
          .map((entry) => entry.text),
      ),
  };
}

function facebookDriver(): Driver {
  const page = sandbox.facebook.createPage({ name: 'Shop', username: 'crash.shop' });
  const people = Array.from({ length: CUSTOMERS }, (_, i) =>
    sandbox.facebook.person({ name: `Burst${i}` }),
  );
  return {
    connect: async () => {
      await sandbox.facebook.setWebhook(`${front.url}/v1/channels/facebook/webhook`, 'crash');
      return {
        channel: 'facebook',
        settings: { enabled: true, receiver: null, pageId: page.id, pageToken: page.token },
        ready: () => sandbox.facebook.subscribedFields(page).includes('messages'),
      };
    },
    write: (n, text) => {
      sandbox.facebook.write(page, people[n % CUSTOMERS] as (typeof people)[0], text);
    },
    delivered: () =>
      count(
        people
          .flatMap((person) => sandbox.facebook.messages(page, person.psid))
          .filter((entry) => entry.sender === 'page')
          .map((entry) => entry.text),
      ),
  };
}

const CASES = [
  { name: 'Telegram in polling mode', mode: 'polling', driver: () => telegramDriver('polling') },
  { name: 'Telegram in webhook mode', mode: 'webhook', driver: () => telegramDriver('webhook') },
  { name: 'VK by long poll', mode: 'polling', driver: () => vkDriver('longpoll') },
  { name: 'VK by callback', mode: 'webhook', driver: () => vkDriver('callback') },
  { name: 'Viber', mode: 'webhook', driver: viberDriver },
  { name: 'Facebook', mode: 'webhook', driver: facebookDriver },
] as const;

describe.each(CASES)('$name across SIGKILL', ({ name, mode, driver }) => {
  const tag = name.toLowerCase().replaceAll(' ', '-');
  let platform: BuiltPlatform;
  let operator: Socket | undefined;

  beforeAll(async () => {
    const port = await freePort();
    platform = await builtPlatform(`fd-crash-${tag}-`, {
      PORT: String(port),
      ...(mode === 'webhook' ? { WEBHOOK_URL: front.url, TRUST_PROXY: '127.0.0.1' } : {}),
      TELEGRAM_API_URL: sandbox.telegram.apiUrl,
      VIBER_API_URL: sandbox.viber.apiUrl,
      VK_API_URL: sandbox.vk.apiUrl,
      FACEBOOK_GRAPH_URL: sandbox.facebook.graphUrl,
      FACEBOOK_APP_SECRET: sandbox.facebook.app.secret,
      FACEBOOK_VERIFY_TOKEN: 'crash',
      WORKER_INTERVAL_MS: '50',
      // A dead process's bots and claimed replies are taken over within seconds, not minutes.
      CHANNEL_LEASE_MS: '3000',
      WORKER_LEASE_MS: '2000',
      CHAT_LIMIT_PER_MINUTE: '1000000',
    });
    front.target(`http://127.0.0.1:${port}`);
  });
  afterAll(async () => {
    operator?.close();
    await platform?.dispose();
  });

  it('stores every update once and delivers every acknowledged reply', async () => {
    const messenger = driver();
    await platform.start();
    const connected = await messenger.connect();
    await connectChannel(platform, connected.channel, connected.settings);
    for (let waited = 0; !connected.ready(); waited += 50) {
      if (waited > 20_000) throw new Error('the platform reads no updates of the bot');
      await delay(50);
    }

    const db = new SQLite(platform.databaseFile, { readonly: true });
    const count = (query: string) => (db.prepare(query).get() as { n: number }).n;
    const stored = () => count('select count(*) as n from channel_inbound');
    const written: string[] = [];
    const acked = new Map<string, ChatMessage>();
    let running = true;

    // The customers write on, whatever happens to the platform: the messenger keeps their updates.
    // They stay at most BACKLOG updates ahead of what is stored, so a loaded machine is not left
    // with thousands to catch up on at the end, and each kill still lands mid-burst.
    const writing = (async () => {
      for (let n = 0; running; n++) {
        while (running && written.length - stored() >= BACKLOG) await delay(15);
        const text = `${tag} update ${String(n).padStart(4, '0')}`;
        messenger.write(n, text);
        written.push(text);
        await delay(15);
      }
    })();
    // The operator answers the first conversation, each reply sent again under its client id
    // until acknowledged (as the console does).
    const replying = (async () => {
      for (let n = 0; running; n++) {
        const clientId = `reply-${tag}-${String(n).padStart(4, '0')}`;
        const text = `${tag} reply ${n}`;
        while (running && !acked.has(clientId)) {
          const conversationId = (
            db
              .prepare('select id from conversations where channel = ? limit 1')
              .get(connected.channel) as { id: string } | undefined
          )?.id;
          operator = operator?.connected ? operator : await opsSocket(platform, operator);
          if (!conversationId || !operator) {
            await delay(50);
            continue;
          }
          const ack: Sent | undefined = await operator
            .timeout(5_000)
            .emitWithAck('chat:send', { conversationId, clientId, text })
            .catch(() => undefined);
          if (ack?.ok) acked.set(clientId, ack.message);
          else await delay(50);
        }
        await delay(100);
      }
    })();

    await killMidStream(platform, {
      kills: KILLS,
      perLife: UPDATES_PER_LIFE,
      // Each life stores its share of updates and acknowledges at least one more reply.
      acknowledged: () => Math.min(stored(), acked.size * UPDATES_PER_LIFE),
      jitterMs: 100,
    });
    // The last life acknowledges a reply too, however long the loaded machine takes to start it.
    await expect.poll(() => acked.size, { timeout: 90_000 }).toBeGreaterThan(KILLS);
    running = false;
    await Promise.all([writing, replying]);
    expect(stored()).toBeGreaterThanOrEqual(KILLS * UPDATES_PER_LIFE);

    // The last process reads whatever the messenger still holds and sends whatever waits.
    // Webhooks deliver one update at a time: wait while they make progress, however loaded the
    // machine (the test's own timeout bounds it).
    for (let last = -1, still = 0; stored() < written.length && still < 15_000; ) {
      const now = stored();
      still = now === last ? still + 100 : 0;
      last = now;
      await delay(100);
    }
    const texts = (
      db.prepare("select text from chat_messages where author = 'visitor' order by text").all() as {
        text: string;
      }[]
    ).map((row) => row.text);
    expect(texts).toEqual([...written].sort());
    expect(stored()).toBe(written.length);

    const delivered = async () => messenger.delivered();
    const replies = [...acked.values()].map((message) => message.text);
    expect(replies.length).toBeGreaterThan(KILLS);
    for (let waited = 0; waited < 30_000; waited += 100) {
      const times = await delivered();
      if (replies.every((text) => (times.get(text) ?? 0) >= 1)) break;
      await delay(100);
    }
    const times = await delivered();
    // Each acknowledged reply once, or once more after a kill between sending and recording.
    expect(
      replies.map((text) => [text, times.get(text) ?? 0]).filter(([, n]) => n !== 1 && n !== 2),
    ).toEqual([]);
    db.close();
    operator?.close();
    expect(await platform.kill('SIGTERM')).toBe(0);
  }, 420_000);
});

/** Gives the demo chat `settings` as its `channel` (by the admin API). */
async function connectChannel(
  platform: BuiltPlatform,
  channel: Channel,
  settings: object,
): Promise<void> {
  const base = platform.url;
  if (!base) throw new Error('the platform is down');
  const { cookie, csrfToken } = await demoSignIn(base, 'admin@demo.test');
  const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
  const { widgets } = (await (await fetch(`${base}/v1/admin/widgets`, { headers })).json()) as {
    widgets: { id: string; key: string; settings: { channels: object } }[];
  };
  const chat = widgets.find((widget) => widget.key === 'demo-chat');
  if (!chat) throw new Error('no demo chat');
  const patched = await fetch(`${base}/v1/admin/widgets/${chat.id}`, {
    method: 'PATCH',
    headers,
    body: JSON.stringify({
      settings: { ...chat.settings, channels: { ...chat.settings.channels, [channel]: settings } },
    }),
  });
  if (patched.status !== 200) throw new Error(`PATCH: ${patched.status} ${await patched.text()}`);
}

/** The demo operator's `/ops` socket on the running process, or undefined while it is down. */
async function opsSocket(
  platform: BuiltPlatform,
  previous: Socket | undefined,
): Promise<Socket | undefined> {
  previous?.close();
  return platform.url ? demoOperatorSocket(platform.url).catch(() => undefined) : undefined;
}
