/**
 * Several platform processes with REDIS_URL: one PostgreSQL database and one Redis, and an order
 * rung by one process reaches the consoles connected to the other, and back.
 */
import { randomUUID } from 'node:crypto';
import { createPlatform, type Platform, readEnv } from '@frontdesk/platform';
import { Redis } from 'ioredis';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatWidget, connectVisitor } from '../support/chat';
import { engines, type TestDatabase } from '../support/databases';
import { connectOps, connectOpsWith, disconnected, type OpsClient } from '../support/ops-client';
import { automatic, callbackWidget, postOrder } from '../support/orders';
import { startPlatform, type TestPlatform } from '../support/platform';
import { watch } from '../support/socket-events';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const postgres = engines.find((engine) => engine.name === 'postgres');

describe('two platform processes sharing Redis', () => {
  const prefix = `frontdesk-test-${randomUUID()}`;
  let database: TestDatabase;
  let a: TestPlatform;
  let b: Platform;
  let bUrl: string;
  const clients: OpsClient[] = [];

  beforeAll(async () => {
    if (!postgres) throw new Error('the PostgreSQL test engine is missing');
    database = await postgres.open();
    const env = { REDIS_URL, REDIS_PREFIX: prefix };
    a = await startPlatform(database, { env });
    b = await createPlatform({
      env: readEnv({ PORT: '0', DATA_DIR: '/nonexistent', WORKER_INTERVAL_MS: '0', ...env }),
      clock: a.clock,
      database,
    });
    bUrl = await b.listen();
  });
  afterAll(async () => {
    for (const client of clients) client.socket.disconnect();
    await b?.close();
    await a?.close();
    await database?.drop();
    const redis = new Redis(REDIS_URL);
    await redis.del(`${prefix}:socket.io`);
    redis.disconnect();
  });

  it('rings consoles on both processes, and one accepting on one is seen taken on the other', async () => {
    const second = await a.addUser('operator', 'Second Operator');
    const onA = await connectOps(a, second);
    const onB = await connectOps({ ...a, url: bUrl }, 'operator');
    clients.push(onA, onB);

    const widget = await callbackWidget(a, { mode: automatic(null) });
    const response = await postOrder(a, widget.key, { phone: '+79991234567', now: true });
    expect(response.status).toBe(201);
    const { id } = await response.json();
    // Process A rings it; the console on process B hears it through Redis.
    await a.platform.workers.runDue();
    const [ringingA, ringingB] = await Promise.all([
      onA.next<{ id: string }>('callback:ringing', (order) => order.id === id),
      onB.next<{ id: string }>('callback:ringing', (order) => order.id === id),
    ]);
    expect(ringingA.id).toBe(id);
    expect(ringingB.id).toBe(id);

    const accepted = await onB.ask<{ ok: boolean }>('callback:accept', { id });
    expect(accepted.ok).toBe(true);
    const taken = await onA.next<{ id: string; by: { id: string } }>(
      'callback:taken',
      (e) => e.id === id,
    );
    expect(taken.by.id).toBe(a.users.operator.id);
  });

  it('shows the other process no password hash, session cookie or visitor token of a socket', async () => {
    const keeper = await a.addUser('operator', 'Secret Keeper');
    const { cookie } = await a.session(keeper);
    const desk = await connectOpsWith(a.url, cookie);
    const widget = await chatWidget(a);
    const first = await connectVisitor(a.url, { key: widget.key });
    const { visitorToken } = first.welcome;
    // Its second tab, on one of the platform's own pages: the staff session's cookie goes too.
    const again = watch(
      io(`${a.url}/chat`, {
        transports: ['websocket'],
        auth: { key: widget.key, visitorToken },
        extraHeaders: { cookie },
        forceNew: true,
        reconnection: false,
      }),
    );
    clients.push(desk, first, again);
    await again.next('welcome');
    // Process B reads A's sockets as presence lookups do: through Redis.
    const [ops, chat] = await Promise.all([
      b.io.of('/ops').in(`user:${keeper.id}`).fetchSockets(),
      b.io.of('/chat').in(`widget:${widget.id}`).fetchSockets(),
    ]);
    expect(ops).toHaveLength(1);
    expect(chat).toHaveLength(2);
    const { id, accountId, name, role, photoUrl } = keeper;
    expect(ops[0]?.data.user).toEqual({ id, accountId, name, role, photoUrl });
    expect(ops[0]?.handshake.headers.cookie).toBeUndefined();
    const seen = JSON.stringify(
      [...ops, ...chat].map((socket) => ({ handshake: socket.handshake, data: socket.data })),
    );
    const cookieValues = cookie.split('; ').map((pair) => pair.slice(pair.indexOf('=') + 1));
    for (const secret of [keeper.passwordHash, visitorToken, ...cookieValues]) {
      expect(seen).not.toContain(secret);
    }
  });

  it('a logout on one process cuts the sockets of that session on the other', async () => {
    const user = await a.addUser('operator', 'Two Process Person');
    const session = await a.session(user);
    const onB = await connectOpsWith(bUrl, session.cookie);
    clients.push(onB);
    const cut = disconnected(onB);
    const logout = await a.withSession(session)('/v1/auth/logout', { method: 'POST' });
    expect(logout.status).toBe(204);
    expect(await cut).toBe('io server disconnect');
  });

  it("a group change on one process moves the members' sockets on the other", async () => {
    const user = await a.addUser('operator', 'Two Process Member');
    const onB = await connectOps({ ...a, url: bUrl }, user);
    clients.push(onB);
    const admin = await a.signIn('admin');
    const created = await admin('/v1/admin/groups', {
      method: 'POST',
      body: JSON.stringify({ name: 'Across', memberIds: [user.id] }),
    });
    const { id } = (await created.json()) as { id: string };
    const members = () => b.io.of('/ops').in(`group:${id}`).local.fetchSockets();
    // Process B applies the stream in order: once a mark sent after a change is there, so is it.
    let marks = 0;
    const applied = async () => {
      const mark = ++marks;
      a.platform.io.of('/ops').to(`user:${user.id}`).emit('test:mark', mark);
      await onB.next('test:mark', (n) => n === mark);
    };
    await applied();
    expect((await members()).map((socket) => socket.data.user.id)).toEqual([user.id]);
    await admin(`/v1/admin/groups/${id}`, { method: 'PATCH', body: '{"memberIds":[]}' });
    await applied();
    expect(await members()).toEqual([]);
  });
});
