/**
 * The built platform killed with SIGKILL while clients post orders as fast as they can: every
 * order that got its 201 is stored exactly once (unanswered ones are retried under the same key,
 * as the widget does), and every due task fires exactly once.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltPlatform, builtPlatform, killMidStream } from '../support/built-platform';

const KILLS = 5;
const CLIENTS = 4;
/** Orders each process acknowledges before it is killed (the kill then lands mid-stream). */
const ORDERS_PER_LIFE = 15;

describe('orders across SIGKILL of the built platform', () => {
  let platform: BuiltPlatform;
  beforeAll(async () => {
    platform = await builtPlatform('fd-crash-', {
      ORDER_LIMIT_PER_IP: '1000000',
      ORDER_LIMIT_PER_PHONE: '1000000',
      WORKER_INTERVAL_MS: '20',
      WORKER_LEASE_MS: '500',
    });
  });
  afterAll(async () => {
    await platform?.dispose();
  });

  it('stores each acknowledged order once and fires each due task once', async () => {
    const answered = new Map<string, string>(); // idempotency key → order id
    const unanswered = new Map<string, string>(); // idempotency key → body

    /** Posts under `key`; true once the platform answered 201 (a repeat must name the same order). */
    const post = async (key: string, body: string): Promise<boolean> => {
      const base = platform.url;
      if (!base) return false;
      let response: Response;
      try {
        response = await fetch(`${base}/v1/widgets/demo-callback/callbacks`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': key },
          body,
        });
      } catch {
        return false; // killed mid-request, or not up again yet
      }
      const text = await response.text().catch(() => '');
      if (response.status !== 201) throw new Error(`${response.status} ${text}`);
      const { id } = JSON.parse(text) as { id: string };
      const earlier = answered.get(key);
      if (earlier !== undefined) expect(id).toBe(earlier);
      answered.set(key, id);
      unanswered.delete(key);
      return true;
    };

    let running = true;
    const inFlight = new Set<string>();
    const client = async () => {
      while (running) {
        // The widget's way: an order that got no answer is sent again with its key.
        const retry = [...unanswered].find(([key]) => !inFlight.has(key));
        const [key, body] = retry ?? [
          randomUUID(),
          JSON.stringify({ phone: `+7999${randomInt(1_000_000, 9_999_999)}`, now: true }),
        ];
        unanswered.set(key, body);
        inFlight.add(key);
        const ok = await post(key, body);
        inFlight.delete(key);
        if (!ok) await delay(10);
      }
    };

    await platform.start();
    const clients = Array.from({ length: CLIENTS }, client);
    await killMidStream(platform, {
      kills: KILLS,
      perLife: ORDERS_PER_LIFE,
      acknowledged: () => answered.size,
      jitterMs: 150,
    });
    await delay(300);
    running = false;
    await Promise.all(clients);
    for (const [key, body] of [...unanswered]) expect(await post(key, body)).toBe(true);
    expect(unanswered.size).toBe(0);

    const db = new SQLite(platform.databaseFile, { readonly: true });
    try {
      const count = (query: string) => (db.prepare(query).get() as { n: number }).n;
      // Every ring goes out: a claim cut short by a kill is taken over after the lease.
      for (
        let i = 0;
        count('select count(*) as n from due_tasks where fired_at is null') > 0;
        i++
      ) {
        if (i > 200) throw new Error('due tasks left unfired');
        await delay(50);
      }
      expect(await platform.kill('SIGTERM')).toBe(0);

      expect(answered.size).toBeGreaterThanOrEqual(KILLS * ORDERS_PER_LIFE);
      const keys = db.prepare('select key, order_id from idempotency_keys').all() as {
        key: string;
        order_id: string;
      }[];
      expect(new Map(keys.map((row) => [row.key, row.order_id]))).toEqual(answered);
      expect(count('select count(*) as n from orders')).toBe(answered.size);
      expect(count('select count(distinct id) as n from orders')).toBe(answered.size);
      expect(count('select count(*) as n from due_tasks')).toBe(answered.size);
      expect(count('select count(*) as n from due_tasks where claimed_at is null')).toBe(0);
      expect(count("select count(*) as n from orders where status <> 'ringing'")).toBe(0);
      // Exactly once: each order entered `ringing` once, whatever the kills interrupted.
      expect(
        count(`select count(*) as n from (
          select order_id from order_events where status = 'ringing'
          group by order_id having count(*) <> 1)`),
      ).toBe(0);
      expect(count("select count(*) as n from order_events where status = 'ringing'")).toBe(
        answered.size,
      );
    } finally {
      db.close();
    }
  }, 60_000);
});
