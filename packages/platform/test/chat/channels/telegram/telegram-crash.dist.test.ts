/**
 * Telegram across SIGKILL of the built platform, in polling and in webhook mode (webhooks through
 * a TLS front with a throwaway CA): customers of the messenger sandbox write as fast as they can
 * while the platform is killed mid-burst and started again, and the operator keeps replying. Every
 * update ends up stored exactly once (one message, one `channel_inbound` record each); every reply
 * the platform acknowledged reaches Telegram — once, or once more when the kill fell between
 * Telegram's answer and the record of it (CHAT.md: at least once, at most once more).
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { ChatAck, ChatMessage } from '@frontdesk/config';
import {
  type Customer,
  type MessengerSandbox,
  startMessengerSandbox,
} from '@frontdesk/messenger-sandbox';
import { freePort } from '@frontdesk/platform';
import SQLite from 'better-sqlite3';
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ThrowawayCa,
  throwawayCa,
} from '../../../../../messenger-sandbox/test/support/throwaway-ca';
import {
  type BuiltPlatform,
  builtPlatform,
  connectDemoBot,
  demoOperatorSocket,
  killMidStream,
} from '../../../support/built-platform';
import { type TlsFront, tlsFront } from '../../../support/tls-front';

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
  });
});
afterAll(async () => {
  await sandbox?.close();
  await front?.close();
  await ca?.remove();
});

describe.each(['polling', 'webhook'] as const)('Telegram in %s mode across SIGKILL', (mode) => {
  let platform: BuiltPlatform;
  let operator: Socket | undefined;

  beforeAll(async () => {
    const port = await freePort();
    platform = await builtPlatform(`fd-telegram-crash-${mode}-`, {
      PORT: String(port),
      ...(mode === 'webhook' ? { WEBHOOK_URL: front.url, TRUST_PROXY: '127.0.0.1' } : {}),
      TELEGRAM_API_URL: sandbox.telegram.apiUrl,
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
    const bot = sandbox.telegram.createBot({ username: `crash_${mode}_bot`, firstName: 'Shop' });
    await platform.start();
    await connectDemoBot(platform.url ?? '', bot, mode);
    if (mode === 'polling') await sandbox.telegram.waitForLongPoll(bot.username, 20_000);
    else {
      for (let waited = 0; !sandbox.telegram.webhookInfo(bot.username).url; waited += 50) {
        if (waited > 20_000) throw new Error('the platform set no webhook');
        await delay(50);
      }
    }

    const db = new SQLite(platform.databaseFile, { readonly: true });
    const count = (query: string) => (db.prepare(query).get() as { n: number }).n;
    const stored = () => count('select count(*) as n from channel_inbound');
    const customers: Customer[] = Array.from({ length: CUSTOMERS }, (_, i) =>
      sandbox.telegram.customer({ firstName: `Burst${i}`, username: `burst_${mode}_${i}` }),
    );
    const written: string[] = [];
    const acked = new Map<string, ChatMessage>();
    let running = true;

    // The customers write on, whatever happens to the platform: Telegram keeps their updates.
    // They stay at most BACKLOG updates ahead of what is stored, so a loaded machine is not left
    // with thousands to catch up on at the end, and each kill still lands mid-burst.
    const writing = (async () => {
      for (let n = 0; running; n++) {
        while (running && written.length - stored() >= BACKLOG) await delay(15);
        const text = `${mode} update ${String(n).padStart(4, '0')}`;
        sandbox.telegram.write(bot.username, customers[n % CUSTOMERS] as Customer, text);
        written.push(text);
        await delay(15);
      }
    })();
    // The operator answers the first conversation, each reply sent again under its client id
    // until acknowledged (as the console does).
    const replying = (async () => {
      for (let n = 0; running; n++) {
        const clientId = `reply-${mode}-${String(n).padStart(4, '0')}`;
        const text = `${mode} reply ${n}`;
        while (running && !acked.has(clientId)) {
          const conversationId = (
            db.prepare("select id from conversations where channel = 'telegram' limit 1").get() as
              | { id: string }
              | undefined
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

    // The last process reads whatever Telegram still holds and sends whatever waits.
    for (let waited = 0; stored() < written.length && waited < 90_000; waited += 100) {
      await delay(100);
    }
    const texts = (
      db.prepare("select text from chat_messages where author = 'visitor' order by text").all() as {
        text: string;
      }[]
    ).map((row) => row.text);
    expect(texts).toEqual([...written].sort());
    expect(stored()).toBe(written.length);

    const delivered = async () => {
      const times = new Map<string, number>();
      for (const chat of sandbox.telegram.chats(bot.username)) {
        for (const entry of sandbox.telegram.messages(bot.username, chat.id)) {
          const text = entry.message.text ?? '';
          if (entry.sender === 'bot') times.set(text, (times.get(text) ?? 0) + 1);
        }
      }
      return times;
    };
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

/** The demo operator's `/ops` socket on the running process, or undefined while it is down. */
async function opsSocket(
  platform: BuiltPlatform,
  previous: Socket | undefined,
): Promise<Socket | undefined> {
  previous?.close();
  return platform.url ? demoOperatorSocket(platform.url).catch(() => undefined) : undefined;
}
