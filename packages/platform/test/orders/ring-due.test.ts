import { createPlatform, type Platform, readEnv } from '@frontdesk/platform';
import { callbackSlots, createSchedule } from '@frontdesk/schedule';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/storage/database';
import { engines, type TestDatabase } from '../support/databases';
import { automatic, callbackWidget, postOrder } from '../support/orders';
import { startPlatform, type TestPlatform } from '../support/platform';

const OPEN = '2026-03-04T07:00:00Z';

describe.each(engines)('due tasks of automatic orders on $name', (engine) => {
  let database: TestDatabase;
  let t: TestPlatform;

  beforeAll(async () => {
    database = await engine.open();
    t = await startPlatform(database, { limits: { ordersPerIp: 10_000, ordersPerPhone: 10_000 } });
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  /** Another platform process on the same database, with its own connection and clock. */
  async function secondProcess(): Promise<{ platform: Platform; close(): Promise<void> }> {
    const connection: Database = await openDatabase(database.options);
    const platform = await createPlatform({
      env: readEnv({ PORT: '0', WORKER_INTERVAL_MS: '0', WORKER_LEASE_MS: '60000' }),
      clock: t.clock,
      database: connection,
    });
    return {
      platform,
      async close() {
        await platform.close();
        await connection.close();
      },
    };
  }

  /** How many times each order entered `ringing`, by order id. */
  async function ringCounts(ids: string[]): Promise<Map<string, number>> {
    const { rows } = await sql<{ order_id: string; n: number }>`
      select order_id, count(*) as n from order_events
      where status = 'ringing' and order_id in (${sql.join(ids)})
      group by order_id
    `.execute(database.db);
    return new Map(rows.map((row) => [row.order_id, Number(row.n)]));
  }

  async function order(widgetKey: string, body: Record<string, unknown>): Promise<string> {
    const response = await postOrder(t, widgetKey, { phone: '+79991234567', ...body });
    expect(response.status).toBe(201);
    return (await response.json()).id;
  }

  it('rings a slot order at the slot start, not before, and records when', async () => {
    t.clock.set(OPEN);
    const w = await callbackWidget(t, { mode: automatic(null) });
    const slot = callbackSlots(createSchedule(w.settings.schedule), t.clock())[4]?.start;
    if (!slot) throw new Error('no slot');
    const id = await order(w.key, { slot: slot.toISOString() });
    expect(await t.platform.workers.runDue()).toBe(0);
    t.clock.set(new Date(slot.getTime() - 1).toISOString());
    expect(await t.platform.workers.runDue()).toBe(0);
    expect((await t.platform.store.orders.get(id))?.status).toBe('new');
    t.clock.set(slot.toISOString());
    expect(await t.platform.workers.runDue()).toBe(1);
    expect(await t.platform.store.orders.get(id)).toMatchObject({
      status: 'ringing',
      ringingAt: slot.getTime(),
    });
    expect(await t.platform.store.dueTasks.forOrder(id)).toMatchObject({
      dueAt: slot.getTime(),
      claimedAt: slot.getTime(),
      claimedBy: expect.stringContaining(`:${process.pid}:`),
      firedAt: slot.getTime(),
    });
    expect(await t.platform.workers.runDue()).toBe(0);
  });

  it('a task survives a restart: another process rings it', async () => {
    t.clock.set(OPEN);
    const w = await callbackWidget(t, { mode: automatic(null) });
    const slot = callbackSlots(createSchedule(w.settings.schedule), t.clock())[1]?.start;
    if (!slot) throw new Error('no slot');
    const id = await order(w.key, { slot: slot.toISOString() });
    const later = await secondProcess();
    try {
      t.clock.set(slot.toISOString());
      expect(await later.platform.workers.runDue()).toBe(1);
      expect((await later.platform.store.orders.get(id))?.status).toBe('ringing');
    } finally {
      await later.close();
    }
  });

  it('two processes running at once ring each due order exactly once', async () => {
    t.clock.set(OPEN);
    const w = await callbackWidget(t, { mode: automatic(null) });
    const ids = [];
    for (let i = 0; i < 60; i++) ids.push(await order(w.key, { now: true }));
    const other = await secondProcess();
    try {
      const handled = await Promise.all([
        t.platform.workers.runDue(),
        other.platform.workers.runDue(),
        t.platform.workers.runDue(),
        other.platform.workers.runDue(),
      ]);
      expect(handled.reduce((a, b) => a + b, 0)).toBe(60);
      const counts = await ringCounts(ids);
      expect(ids.map((id) => counts.get(id))).toEqual(ids.map(() => 1));
      const claimers = new Set<string | null>();
      for (const id of ids) {
        const task = await t.platform.store.dueTasks.forOrder(id);
        expect(task?.firedAt).not.toBeNull();
        claimers.add(task?.claimedBy ?? null);
      }
      expect([...claimers].every((by) => by !== null)).toBe(true);
    } finally {
      await other.close();
    }
  });

  it('a task claimed by a process that died before ringing is rung after the lease', async () => {
    t.clock.set(OPEN);
    const w = await callbackWidget(t, { mode: automatic(null) });
    const id = await order(w.key, { now: true });
    const now = t.clock().getTime();
    // The dead process got as far as its commit: claimed, order ringing, but no ring went out.
    const claimed = await t.platform.store.dueTasks.claim({
      now,
      by: 'dead-process',
      staleBefore: 0,
      limit: 100,
    });
    expect(claimed.map((c) => c.order.id)).toEqual([id]);
    expect(await t.platform.workers.runDue()).toBe(0);
    t.clock.advance(300_000);
    expect(await t.platform.workers.runDue()).toBe(1);
    const task = await t.platform.store.dueTasks.forOrder(id);
    expect(task?.claimedBy).not.toBe('dead-process');
    expect(task?.firedAt).toBe(now + 300_000);
    // Rung again, but it entered `ringing` once.
    expect((await ringCounts([id])).get(id)).toBe(1);
    expect(await t.platform.workers.runDue()).toBe(0);
  });
});
