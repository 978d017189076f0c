/**
 * Two platform processes with REDIS_URL, each with its own connection to one database (SQLite
 * and PostgreSQL): a burst of enquiries, each process running its distribution at once, gives
 * every conversation to exactly one member, and nobody more than the limit.
 */
import { randomUUID } from 'node:crypto';
import type { ChatAck, ChatMessage } from '@frontdesk/config';
import { createPlatform, type Platform, readEnv, type User } from '@frontdesk/platform';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/storage/database';
import { chatWidget, connectVisitor, type VisitorClient } from '../support/chat';
import { engines, type TestDatabase } from '../support/databases';
import { connectOps, connectOpsWith, type OpsClient } from '../support/ops-client';
import { startPlatform, type TestPlatform } from '../support/platform';

type Sent = ChatAck<{ message: ChatMessage }>;

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe.each(engines)('distribution across two processes on $name', (engine) => {
  const prefix = `frontdesk-test-${randomUUID()}`;
  let database: TestDatabase;
  let a: TestPlatform;
  let b: Platform;
  let bDatabase: Database;
  let bUrl: string;
  const sockets: { socket: { close(): void } }[] = [];

  beforeAll(async () => {
    database = await engine.open();
    const env = { REDIS_URL, REDIS_PREFIX: prefix };
    a = await startPlatform(database, {
      env,
      limits: { chatMessagesPerMinute: 1000, loginPerIp: 100_000, chatVisitorsPerMinute: 1000 },
    });
    // A connection of its own, as another process would have.
    bDatabase = await openDatabase(database.options);
    b = await createPlatform({
      env: readEnv({ PORT: '0', DATA_DIR: '/nonexistent', WORKER_INTERVAL_MS: '0', ...env }),
      clock: a.clock,
      database: bDatabase,
      limits: { chatMessagesPerMinute: 1000, chatVisitorsPerMinute: 1000 },
    });
    bUrl = await b.listen();
  });
  afterAll(async () => {
    for (const client of sockets) client.socket.close();
    await b?.close();
    await bDatabase?.close();
    await a?.close();
    await database?.drop();
    const redis = new Redis(REDIS_URL);
    await redis.del(`${prefix}:socket.io`);
    redis.disconnect();
  });

  it('gives each conversation to one member once, within the limit', async () => {
    const members: User[] = [];
    for (const name of ['Anna', 'Boris', 'Clara']) members.push(await a.addUser('operator', name));
    const group = await a.platform.store.groups.create({
      accountId: a.accountId,
      name: 'Support',
      memberIds: members.map((m) => m.id),
      chatRules: { mode: 'distribute', limit: 2, answerSeconds: 0 },
    });
    const widget = await chatWidget(a, { receiver: { kind: 'group', id: group.id } });
    // Members online on either process: each process sees all of them through Redis.
    const [anna, boris, clara] = members as [User, User, User];
    const consoles: OpsClient[] = [
      await connectOps(a, anna),
      await connectOpsWith(bUrl, (await a.session(boris)).cookie),
      await connectOps({ ...a, url: bUrl }, clara),
    ];
    sockets.push(...consoles);
    const visitors: VisitorClient[] = [];
    for (let i = 0; i < 8; i++) {
      const client = await connectVisitor(i % 2 === 0 ? a.url : bUrl, { key: widget.key });
      sockets.push(client);
      visitors.push(client);
    }
    const sent = await Promise.all(
      visitors.map((v, i) =>
        v.ask<Sent>('send', {
          clientId: `burst-${i}-${prefix}`.slice(0, 60),
          text: `Question ${i}`,
        }),
      ),
    );
    const conversationIds = sent.map((s) => {
      if (!s.ok) throw new Error(s.error.message);
      return s.message.conversationId;
    });
    // Both processes take their turns at once, again and again.
    for (let round = 0; round < 3; round++) {
      await Promise.all([a.platform.workers.distributeChats(), b.workers.distributeChats()]);
    }
    const held = await Promise.all(
      conversationIds.map(
        async (id) => (await a.platform.store.conversations.get(id))?.assignee?.id,
      ),
    );
    const counts = new Map<string, number>();
    for (const id of held) if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
    // Three members with room for two each: six held, two waiting, nobody over the limit.
    expect(held.filter(Boolean)).toHaveLength(6);
    expect([...counts.values()]).toEqual([2, 2, 2]);
    const queues = await a.platform.store.chatDistribution.queues(a.accountId);
    expect(queues).toMatchObject([{ groupId: group.id, length: 2 }]);
  });
});
