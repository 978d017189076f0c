/**
 * Two platform processes with REDIS_URL on one PostgreSQL database: a visitor on one, an operator
 * on the other, messages both ways through Redis; then the visitor's process dies mid-stream and
 * the visitor, moved to the other process, resends what had no ack and resyncs — no acknowledged
 * message is lost and none is stored or shown twice.
 */
import { randomUUID } from 'node:crypto';
import type { ChatAck, ChatMessage } from '@frontdesk/config';
import { createPlatform, type Platform, readEnv } from '@frontdesk/platform';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatWidget, connectVisitor } from '../support/chat';
import { engines, type TestDatabase } from '../support/databases';
import { connectOps, type OpsClient } from '../support/ops-client';
import { startPlatform, type TestPlatform } from '../support/platform';

type Sent = ChatAck<{ message: ChatMessage }>;

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const postgres = engines.find((engine) => engine.name === 'postgres');

describe('chat across two platform processes sharing Redis', () => {
  const prefix = `frontdesk-test-${randomUUID()}`;
  let database: TestDatabase;
  let a: TestPlatform;
  let aClosed = false;
  let b: Platform;
  let bUrl: string;
  const sockets: { socket: { close(): void } }[] = [];

  beforeAll(async () => {
    if (!postgres) throw new Error('the PostgreSQL test engine is missing');
    database = await postgres.open();
    const env = { REDIS_URL, REDIS_PREFIX: prefix };
    // Sign-ins count per IP in Redis, across test runs: this file must not use up the others' share.
    a = await startPlatform(database, {
      env,
      limits: { chatMessagesPerMinute: 1000, loginPerIp: 100_000 },
    });
    b = await createPlatform({
      env: readEnv({ PORT: '0', DATA_DIR: '/nonexistent', WORKER_INTERVAL_MS: '0', ...env }),
      clock: a.clock,
      database,
      limits: { chatMessagesPerMinute: 1000 },
    });
    bUrl = await b.listen();
  });
  afterAll(async () => {
    for (const client of sockets) client.socket.close();
    await b?.close();
    if (!aClosed) await a?.close();
    await database?.drop();
    const redis = new Redis(REDIS_URL);
    await redis.del(`${prefix}:socket.io`);
    redis.disconnect();
  });

  it("carries messages both ways, and loses or doubles none when the visitor's process dies", async () => {
    const widget = await chatWidget(a, { receiver: null });
    const operator: OpsClient = await connectOps({ ...a, url: bUrl }, 'operator');
    sockets.push(operator);
    const onA = await connectVisitor(a.url, { key: widget.key });
    sockets.push(onA);
    // The visitor on A sees that an operator is online on B.
    expect(onA.welcome.presence).toBe('online');
    const { visitorToken } = onA.welcome;

    const first = await onA.ask<Sent>('send', {
      clientId: 'redis-visitor-01',
      text: 'Hello from A',
    });
    if (!first.ok) throw new Error(first.error.message);
    const { conversationId } = first.message;
    expect(
      await operator.next<ChatMessage>('chat:message', (m) => m.id === first.message.id),
    ).toMatchObject({ seq: 1, text: 'Hello from A' });
    const reply = await operator.ask<Sent>('chat:send', {
      conversationId,
      clientId: 'redis-operator-01',
      text: 'Hello from B',
    });
    if (!reply.ok) throw new Error(reply.error.message);
    expect(await onA.next<ChatMessage>('message', (m) => m.id === reply.message.id)).toMatchObject({
      seq: 2,
      author: 'operator',
    });

    // A burst of messages, and process A dies in the middle of it.
    const clientIds = Array.from(
      { length: 20 },
      (_, i) => `redis-burst-${String(i).padStart(2, '0')}`,
    );
    const acked = new Map<string, ChatMessage>();
    const burst = clientIds.map((clientId) =>
      onA
        .ask<Sent>('send', { clientId, text: clientId })
        .then((ack) => {
          if (ack.ok) acked.set(clientId, ack.message);
        })
        .catch(() => undefined),
    );
    await a.platform.close();
    aClosed = true;
    await Promise.all(burst);

    // The widget's way: reconnect (to B now) with its token, resend what got no ack, resync.
    const onB = await connectVisitor(bUrl, { key: widget.key, visitorToken });
    sockets.push(onB);
    expect(onB.welcome.visitorToken).toBe(visitorToken);
    for (const clientId of clientIds) {
      const ack = await onB.ask<Sent>('send', { clientId, text: clientId });
      if (!ack.ok) throw new Error(ack.error.message);
      const before = acked.get(clientId);
      if (before) expect(ack.message).toEqual(before);
    }
    const synced = await onB.ask<ChatAck<{ messages: ChatMessage[] }>>('sync', { afterSeq: 0 });
    if (!synced.ok) throw new Error(synced.error.message);
    const seqs = synced.messages.map((m) => m.seq);
    expect(seqs).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
    const visitorIds = synced.messages.filter((m) => m.author === 'visitor').map((m) => m.clientId);
    expect(visitorIds.sort()).toEqual(['redis-visitor-01', ...clientIds].sort());

    // The operator on B resyncs the same history.
    const opSync = await operator.ask<ChatAck<{ messages: ChatMessage[] }>>('chat:sync', {
      conversationId,
      afterSeq: 0,
    });
    expect(opSync.ok && opSync.messages.map((m) => m.id)).toEqual(synced.messages.map((m) => m.id));
  });
});
