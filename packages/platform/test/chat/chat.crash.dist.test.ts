/**
 * The built platform killed with SIGKILL while visitors chat as fast as they can: every message
 * that got its ack survives the kill and the restart exactly once, with the number it was acked
 * with; messages without an ack are resent under their client id (as the widget does) and stored
 * once; after the last restart, `sync` from 0 returns each visitor's history intact. Then the same
 * with a second process on the same data and Redis: visitors move to it while the first is down,
 * and an operator whose console stays open on it sees every acknowledged message live — a message
 * stored by the dying process without telling anyone is published when its resend arrives.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { ChatAck, ChatMessage, ChatWelcome } from '@frontdesk/config';
import SQLite from 'better-sqlite3';
import { Redis } from 'ioredis';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BuiltPlatform,
  builtPlatform,
  demoOperatorSocket,
  killMidStream,
} from '../support/built-platform';

const KILLS = 3;
const VISITORS = 3;
/** Messages the visitors get acked in each life before it is killed (the kill lands mid-stream). */
const MESSAGES_PER_LIFE = 12;

type Sent = ChatAck<{ message: ChatMessage }>;

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** The visitors send as fast as the platform answers: a fast machine passes 30 a minute. */
const UNLIMITED = { CHAT_LIMIT_PER_MINUTE: '1000000', CHAT_HANDSHAKE_LIMIT_PER_MINUTE: '1000000' };

/** One visitor of the demo chat: its token, what was acked, what waits for an ack. */
interface Visitor {
  token: string | undefined;
  socket: Socket | undefined;
  acked: Map<string, ChatMessage>;
  pending: string[];
  next: number;
}

describe.each([
  { processes: 1, what: 'one process' },
  { processes: 2, what: 'two processes sharing Redis' },
])('chat messages across SIGKILL of the built platform, $what', ({ processes }) => {
  const prefix = `frontdesk-crash-${randomUUID()}`;
  let platform: BuiltPlatform;
  /** The second process (same data, same Redis), never killed: the operator's console is there. */
  let survivor: BuiltPlatform | undefined;
  let operator: Socket | undefined;
  const visitors: Visitor[] = [];
  beforeAll(async () => {
    const shared: Record<string, string> =
      processes === 2 ? { REDIS_URL, REDIS_PREFIX: prefix } : {};
    platform = await builtPlatform('fd-chat-crash-', {
      WORKER_INTERVAL_MS: '50',
      ...UNLIMITED,
      ...shared,
    });
    if (processes === 2) {
      survivor = await builtPlatform('fd-chat-crash-b-', {
        ...UNLIMITED,
        ...shared,
        DATA_DIR: platform.dataDir,
      });
    }
  });
  afterAll(async () => {
    for (const visitor of visitors) visitor.socket?.close();
    operator?.close();
    await survivor?.dispose();
    await platform?.dispose();
    if (processes === 2) {
      const redis = new Redis(REDIS_URL);
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    }
  });

  it('keeps every acknowledged message once, and sync returns the history', async () => {
    /** A connected socket of `visitor` (a new one after a kill), or undefined while the platform is down. */
    const connect = async (visitor: Visitor): Promise<Socket | undefined> => {
      if (visitor.socket?.connected) return visitor.socket;
      visitor.socket?.close();
      visitor.socket = undefined;
      // While the first process is down, the visitor goes to the other one (if there is one).
      const base = platform.url ?? survivor?.url;
      if (!base) return undefined;
      const socket = io(`${base}/chat`, {
        transports: ['websocket'],
        auth: { key: 'demo-chat', ...(visitor.token ? { visitorToken: visitor.token } : {}) },
        forceNew: true,
        reconnection: false,
      });
      try {
        const welcome = await new Promise<ChatWelcome>((resolve, reject) => {
          socket.once('welcome', resolve);
          socket.once('connect_error', reject);
          socket.once('disconnect', () => reject(new Error('disconnected')));
          setTimeout(() => reject(new Error('no welcome')), 3_000);
        });
        if (visitor.token) expect(welcome.visitorToken).toBe(visitor.token);
        visitor.token = welcome.visitorToken;
        visitor.socket = socket;
        return socket;
      } catch {
        socket.close();
        return undefined;
      }
    };

    /** Sends `clientId` once; true when acked (a repeat must answer the same message). */
    const send = async (visitor: Visitor, clientId: string): Promise<boolean> => {
      const socket = await connect(visitor);
      if (!socket) return false;
      let ack: Sent;
      try {
        ack = await socket.timeout(3_000).emitWithAck('send', { clientId, text: clientId });
      } catch {
        return false; // killed mid-request
      }
      if (!ack.ok) throw new Error(`${ack.error.code}: ${ack.error.message}`);
      const earlier = visitor.acked.get(clientId);
      if (earlier) expect(ack.message).toEqual(earlier);
      visitor.acked.set(clientId, ack.message);
      return true;
    };

    let running = true;
    const chatter = async (visitor: Visitor, index: number) => {
      while (running) {
        // The widget's way: a message without an ack is sent again under its client id.
        const clientId =
          visitor.pending[0] ?? `v${index}-message-${String(visitor.next++).padStart(4, '0')}`;
        if (visitor.pending[0] === undefined) visitor.pending.push(clientId);
        if (await send(visitor, clientId)) visitor.pending.shift();
        else await delay(20);
      }
    };

    await platform.start();
    /** How many times the operator's open console got each message, by id. */
    const live = new Map<string, number>();
    if (survivor) {
      const base = await survivor.start();
      operator = await demoOperatorSocket(base);
      operator.on('chat:message', (message: ChatMessage) => {
        live.set(message.id, (live.get(message.id) ?? 0) + 1);
      });
    }
    for (let i = 0; i < VISITORS; i++) {
      visitors.push({
        token: undefined,
        socket: undefined,
        acked: new Map(),
        pending: [],
        next: 0,
      });
    }
    const total = () => visitors.reduce((sum, v) => sum + v.acked.size, 0);
    const chatting = visitors.map(chatter);
    await killMidStream(platform, {
      kills: KILLS,
      perLife: MESSAGES_PER_LIFE,
      acknowledged: total,
      jitterMs: 100,
    });
    await delay(200);
    running = false;
    await Promise.all(chatting);
    for (const visitor of visitors) {
      for (const clientId of [...visitor.pending]) expect(await send(visitor, clientId)).toBe(true);
    }

    expect(total()).toBeGreaterThanOrEqual(KILLS * MESSAGES_PER_LIFE);
    for (const visitor of visitors) {
      const socket = await connect(visitor);
      if (!socket) throw new Error('could not reconnect');
      const synced: ChatAck<{ messages: ChatMessage[] }> = await socket
        .timeout(3_000)
        .emitWithAck('sync', { afterSeq: 0 });
      if (!synced.ok) throw new Error(synced.error.message);
      const seqs = synced.messages.map((m) => m.seq);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
      const own = synced.messages.filter((m) => m.author === 'visitor');
      expect(own.map((m) => m.clientId).sort()).toEqual([...visitor.acked.keys()].sort());
      for (const message of own) expect(message).toEqual(visitor.acked.get(message.clientId ?? ''));
    }

    if (survivor) {
      // Every acknowledged message reached the console that stayed open; events may trail the acks.
      const acked = visitors.flatMap((visitor) => [...visitor.acked.values()].map((m) => m.id));
      for (let waited = 0; acked.some((id) => !live.has(id)) && waited < 5_000; waited += 50) {
        await delay(50);
      }
      expect(acked.filter((id) => !live.has(id))).toEqual([]);
      expect(operator?.connected).toBe(true);
      expect(await survivor.kill('SIGTERM')).toBe(0);
    }
    expect(await platform.kill('SIGTERM')).toBe(0);
    const db = new SQLite(platform.databaseFile, { readonly: true });
    try {
      const count = (query: string) => (db.prepare(query).get() as { n: number }).n;
      const acked = total();
      expect(count("select count(*) as n from chat_messages where author = 'visitor'")).toBe(acked);
      expect(
        count(`select count(*) as n from (select conversation_id, seq from chat_messages
          group by conversation_id, seq having count(*) > 1)`),
      ).toBe(0);
    } finally {
      db.close();
    }
  }, 180_000);
});
