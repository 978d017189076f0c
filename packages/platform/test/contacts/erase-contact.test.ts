/**
 * Deleting a contact erases the person, on both engines: after an order (with its staff e-mail)
 * and a chat from another browser, the raw SQLite files — the database and its WAL — and every
 * PostgreSQL table hold none of their phone, e-mail, name or words.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressBookContact, ChatAck, ChatMessage, ListPage } from '@frontdesk/config';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SQLITE_FILE } from '../../src/storage/database';
import { chatWidget, connectVisitor } from '../support/chat';
import { engines, sqliteEngine } from '../support/databases';
import { connectOps } from '../support/ops-client';
import { callbackWidget, postOrder } from '../support/orders';
import type { TestPlatform } from '../support/platform';
import { socketSuite } from '../support/socket-suite';

const T0 = Date.parse('2026-03-04T07:00:00Z');
const PHONE = '+79997778899';
const EMAIL = 'anna.karenina@example.com';
const NAME = 'Анна Каренина';
const WORDS = 'My flat is at Lenina street 42';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe.each(engines)('erasing a contact on $name', (engine) => {
  let t: TestPlatform;
  const suite = socketSuite(engine);
  beforeAll(() => {
    t = suite.t;
    t.clock.set(new Date(T0).toISOString());
  });

  /** Where each needle is still found: SQLite's files, or PostgreSQL's tables. */
  const traces = async (needles: string[]): Promise<string[]> => {
    const { db } = suite.database;
    if (engine.name === 'sqlite') {
      const file = join(suite.database.options.dataDir, SQLITE_FILE);
      const bytes = [file, `${file}-wal`]
        .filter((path) => existsSync(path))
        .map((path) => [path, readFileSync(path)] as const);
      return needles.flatMap((needle) =>
        bytes
          .filter(([, data]) => data.includes(Buffer.from(needle)))
          .map(([p]) => `${needle} in ${p}`),
      );
    }
    const { rows: tables } = await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(db);
    const found: string[] = [];
    for (const { table_name } of tables) {
      for (const needle of needles) {
        const { rows } = await sql<{ n: number }>`
          select count(*)::int as n from ${sql.table(table_name)} t
          where t::text like ${`%${needle}%`}`.execute(db);
        if ((rows[0]?.n ?? 0) > 0) found.push(`${needle} in ${table_name}`);
      }
    }
    return found;
  };

  it('leaves no trace of the person’s phone, e-mail, name or words', async () => {
    const callback = await callbackWidget(t, {
      mode: { kind: 'manual', emails: ['desk@corp.example'], smsNumbers: [] },
    });
    const placed = await postOrder(t, callback.key, { phone: PHONE, now: true, name: NAME });
    expect(placed.status).toBe(201);
    // A call the automatic callback placed to the number: in the history, dialled and answered.
    await t.platform.store.orders.recordAttempt({
      orderId: ((await placed.json()) as { id: string }).id,
      taskId: 'none',
      claimedBy: 'none',
      trunkId: 'none',
      operator: null,
      outcome: { result: 'answered', answeredAt: T0, endedAt: T0 + 1_000, talkMs: 1_000 },
      startedAt: T0,
      now: T0 + 1_000,
      maxAttempts: 3,
      retryAfterMs: 0,
      fallback: [],
    });
    const chat = await chatWidget(t);
    const client = suite.keep(await connectVisitor(t.url, { key: chat.key }));
    const sent = await client.ask<ChatAck<{ message: ChatMessage }>>('send', {
      clientId: 'erase-test-000001',
      text: WORDS,
    });
    expect(sent.ok).toBe(true);
    await client.ask('contact', { phone: PHONE, email: EMAIL });
    const needles = [PHONE, EMAIL, NAME, WORDS];
    // Each is stored somewhere before: the search below could find them.
    const before = await traces(needles);
    expect(needles.filter((n) => !before.some((trace) => trace.startsWith(`${n} in`)))).toEqual([]);

    const operator = await t.signIn('operator');
    const found = (await (
      await operator(`/v1/admin/contacts?q=${encodeURIComponent(PHONE)}`)
    ).json()) as ListPage<AddressBookContact>;
    const id = found.items[0]?.id ?? '';
    // Operators keep contacts; erasing a person is for admins.
    expect((await operator(`/v1/admin/contacts/${id}`, { method: 'DELETE' })).status).toBe(403);
    const admin = await t.signIn('admin');
    expect((await admin(`/v1/admin/contacts/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await admin(`/v1/admin/contacts/${id}`)).status).toBe(404);
    expect((await admin(`/v1/admin/contacts/${id}`, { method: 'DELETE' })).status).toBe(404);

    expect(await traces(needles)).toEqual([]);
    // What is left reads as erased: the order stays in the history, without the person.
    const history = await (await admin('/v1/admin/call-history?channel=callback')).json();
    expect(history.items[0]).toMatchObject({ caller: '[erased]', callerName: null });
  });
});

describe('erasing a contact with Redis', () => {
  const prefix = `frontdesk-test-${randomUUID()}`;
  const stream = `${prefix}:socket.io`;
  const suite = socketSuite(sqliteEngine, { env: { REDIS_URL, REDIS_PREFIX: prefix } });
  const redis = new Redis(REDIS_URL);
  afterAll(async () => {
    await redis.del(stream);
    redis.disconnect();
  });

  /** The stream's entries holding `needle`. */
  const inStream = async (needle: string) =>
    (await redis.xrangeBuffer(stream, '-', '+')).filter(([, fields]) =>
      fields.some((field) => field.includes(Buffer.from(needle))),
    ).length;

  it('deletes the realtime stream’s events that carried the person’s words and details', async () => {
    const t = suite.t;
    const chat = await chatWidget(t);
    // Staff online: the chat's events go out to /ops through the stream.
    suite.keep(await connectOps(t, 'operator'));
    const client = suite.keep(await connectVisitor(t.url, { key: chat.key }));
    await client.ask('contact', { name: NAME, phone: PHONE });
    await client.ask('send', { clientId: 'erase-test-000002', text: WORDS });
    await expect.poll(() => inStream(WORDS)).toBeGreaterThan(0);
    expect(await inStream(NAME)).toBeGreaterThan(0);
    const admin = await t.signIn('admin');
    const found = (await (
      await admin(`/v1/admin/contacts?q=${encodeURIComponent(PHONE)}`)
    ).json()) as ListPage<AddressBookContact>;
    const id = found.items[0]?.id ?? '';
    expect((await admin(`/v1/admin/contacts/${id}`, { method: 'DELETE' })).status).toBe(204);
    for (const needle of [WORDS, NAME, PHONE]) expect(await inStream(needle), needle).toBe(0);
  });
});
