/**
 * The built platform killed with SIGKILL while clients post orders as fast as they can: every
 * order that got its 201 is stored exactly once (unanswered ones are retried under the same key,
 * as the widget does), and every due task fires exactly once.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomInt, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const mainJs = new URL('../../dist/main.js', import.meta.url).pathname;
const KILLS = 5;
const CLIENTS = 4;
/** Orders each process acknowledges before it is killed (the kill then lands mid-stream). */
const ORDERS_PER_LIFE = 15;

describe('orders across SIGKILL of the built platform', () => {
  let dataDir: string | undefined;
  let child: ChildProcess | undefined;
  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('stores each acknowledged order once and fires each due task once', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fd-crash-'));
    dataDir = dir;
    let url: string | undefined;

    /** Starts the platform on the data directory; resolves once it listens. */
    const start = async () => {
      let output = '';
      const started = spawn(process.execPath, [mainJs], {
        env: {
          PATH: process.env.PATH,
          PORT: '0',
          DATA_DIR: dir,
          SEED_DEMO: '1',
          LOG: '0',
          ORDER_LIMIT_PER_IP: '1000000',
          ORDER_LIMIT_PER_PHONE: '1000000',
          WORKER_INTERVAL_MS: '20',
          WORKER_LEASE_MS: '500',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = started;
      started.stderr?.on('data', (chunk) => {
        output += chunk;
      });
      url = await new Promise<string>((resolve, reject) => {
        started.stdout?.on('data', (chunk) => {
          output += chunk;
          const match = /platform at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
          if (match?.[1]) resolve(match[1]);
        });
        started.on('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
      });
    };

    const answered = new Map<string, string>(); // idempotency key → order id
    const unanswered = new Map<string, string>(); // idempotency key → body

    /** Posts under `key`; true once the platform answered 201 (a repeat must name the same order). */
    const post = async (key: string, body: string): Promise<boolean> => {
      const base = url;
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

    await start();
    const clients = Array.from({ length: CLIENTS }, client);
    for (let kill = 0; kill < KILLS; kill++) {
      // Each life takes some orders first (a loaded machine starts slowly), then dies at a random moment.
      const target = answered.size + ORDERS_PER_LIFE;
      for (let waited = 0; answered.size < target && waited < 10_000; waited += 20) await delay(20);
      await delay(randomInt(0, 150));
      const dying = child;
      const exited = new Promise((resolve) => dying?.once('exit', resolve));
      dying?.kill('SIGKILL');
      await exited;
      url = undefined;
      await start();
    }
    await delay(300);
    running = false;
    await Promise.all(clients);
    for (const [key, body] of [...unanswered]) expect(await post(key, body)).toBe(true);
    expect(unanswered.size).toBe(0);

    const db = new SQLite(join(dir, 'frontdesk.sqlite'), { readonly: true });
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
      const done = child;
      const stopped = new Promise((resolve) => done?.once('exit', resolve));
      done?.kill('SIGTERM');
      expect(await stopped).toBe(0);

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
