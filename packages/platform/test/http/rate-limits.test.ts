/**
 * The limiters over Redis (REDIS_URL): two platform processes count against one budget, and
 * platforms with different REDIS_PREFIX values sharing one Redis do not. Without Redis they count
 * in memory: a request is never refused for Redis's sake.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { type AddressInfo, connect, createServer } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../src/http/api-error';
import { consumePoint, createLimiters, defaultLimits } from '../../src/http/rate-limits';
import { engines, type TestDatabase } from '../support/databases';
import { PASSWORD, startPlatform, type TestPlatform } from '../support/platform';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

/** A Redis client once it is connected (the limiters count in memory until then). */
async function readyRedis(url: string): Promise<Redis> {
  const redis = new Redis(url, { maxRetriesPerRequest: 2 });
  if (redis.status !== 'ready') await once(redis, 'ready');
  return redis;
}

const refusal = (promise: Promise<void>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('rate limits over Redis', () => {
  let redis: Redis;
  const prefix = `frontdesk-test-${randomUUID()}`;
  const limits = { ...defaultLimits, ordersPerIp: 3 };
  beforeAll(async () => {
    redis = await readyRedis(REDIS_URL);
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  it('two processes share one budget; the fourth order from an IP is refused with a 429', async () => {
    const a = createLimiters(limits, redis, prefix);
    const b = createLimiters(limits, redis, prefix);
    await consumePoint(a.ordersByIp, '192.0.2.7', 'orders');
    await consumePoint(b.ordersByIp, '192.0.2.7', 'orders');
    await consumePoint(a.ordersByIp, '192.0.2.7', 'orders');
    const error = await refusal(consumePoint(b.ordersByIp, '192.0.2.7', 'orders'));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ statusCode: 429, code: 'rate_limited' });
    expect((error as Error).message).toMatch(/^Too many orders; try again in \d+ s\.$/);
    // Another IP has its own budget.
    await consumePoint(b.ordersByIp, '192.0.2.8', 'orders');
  });

  it('counts are kept apart by REDIS_PREFIX and stored under it', async () => {
    const other = createLimiters(limits, redis, `${prefix}-other`);
    for (let i = 0; i < 3; i++) await consumePoint(other.ordersByIp, '192.0.2.9', 'orders');
    const mine = createLimiters(limits, redis, prefix);
    await consumePoint(mine.ordersByIp, '192.0.2.9', 'orders');
    expect(await redis.keys(`${prefix}-other:*`)).not.toEqual([]);
  });
});

/** Resolves once `redis` is ready, whatever errors come first (a server still starting). */
function ready(redis: Redis): Promise<void> {
  return new Promise((resolve) => {
    if (redis.status === 'ready') resolve();
    else redis.once('ready', () => resolve());
  });
}

/** A redis-server of this test on `port`, accepting connections; `stop()` ends it. */
async function redisServer(port: number): Promise<{ stop(): Promise<void> }> {
  const server = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const probe = new Redis(`redis://127.0.0.1:${port}`, { retryStrategy: () => 20 });
  probe.on('error', () => undefined);
  await ready(probe);
  probe.disconnect();
  return {
    async stop() {
      if (server.exitCode !== null) return;
      const exited = once(server, 'exit');
      server.kill('SIGTERM');
      await exited;
    },
  };
}

describe('rate limits without Redis', () => {
  const limits = { ...defaultLimits, ordersPerIp: 3 };

  /** Three orders from `ip` pass, the fourth is refused with a 429. */
  async function countsThree(limiters: ReturnType<typeof createLimiters>, ip: string) {
    for (let i = 0; i < 3; i++) await consumePoint(limiters.ordersByIp, ip, 'orders');
    expect(await refusal(consumePoint(limiters.ordersByIp, ip, 'orders'))).toMatchObject({
      statusCode: 429,
      code: 'rate_limited',
    });
  }

  it('count in this process while Redis cannot be reached, and say so once', async () => {
    const redis = new Redis(`redis://127.0.0.1:${await closedPort()}`, { maxRetriesPerRequest: 2 });
    try {
      const log = vi.fn();
      const limiters = createLimiters(limits, redis, 'frontdesk-test-down', log);
      await countsThree(limiters, '192.0.2.20');
      expect(await limiters.loginFailures.get('nobody 192.0.2.20')).toBeNull();
      // Each reconnection fails again; the outage is told once, at the first.
      const failed = () => new Promise((resolve) => redis.once('error', resolve));
      await failed();
      await failed();
      expect(log).toHaveBeenCalledTimes(1);
      expect(log.mock.calls[0]?.[0]).toMatch(
        /^Redis is unreachable \(.*ECONNREFUSED.*\): rate limits count in this process until it is back\.$/,
      );
    } finally {
      redis.disconnect();
    }
  });

  it('go on counting in memory when Redis stops, and share the count again once it is back', async () => {
    const port = await closedPort();
    let server = await redisServer(port);
    const redis = new Redis(`redis://127.0.0.1:${port}`, {
      maxRetriesPerRequest: 2,
      retryStrategy: () => 20,
    });
    try {
      await ready(redis);
      const log = vi.fn();
      const limiters = createLimiters(limits, redis, `frontdesk-test-${randomUUID()}`, log);
      await consumePoint(limiters.ordersByIp, '192.0.2.21', 'orders');
      expect(await redis.keys('*')).toHaveLength(1);

      await server.stop();
      await new Promise((resolve) => redis.once('error', resolve));
      await countsThree(limiters, '192.0.2.22');
      expect(log.mock.calls).toEqual([[expect.stringMatching(/^Redis is unreachable/)]]);

      server = await redisServer(port);
      await ready(redis);
      expect(log).toHaveBeenLastCalledWith('Redis is back: rate limits are shared again.');
      await consumePoint(limiters.ordersByIp, '192.0.2.23', 'orders');
      expect(await redis.keys('*')).toHaveLength(1);
    } finally {
      redis.disconnect();
      await server.stop();
    }
  });
});

describe.each(engines)('a platform whose Redis stops on $name', (engine) => {
  let database: TestDatabase;
  let server: Awaited<ReturnType<typeof redisServer>> | undefined;
  let t: TestPlatform;
  const logLines: string[] = [];
  let onLine: ((line: string) => void) | undefined;
  /** Resolves once the platform logged a line matching `pattern`. */
  const logged = (pattern: RegExp) =>
    new Promise<void>((resolve) => {
      if (logLines.some((line) => pattern.test(line))) return resolve();
      onLine = (line) => {
        if (pattern.test(line)) resolve();
      };
    });

  beforeAll(async () => {
    database = await engine.open();
    const port = await closedPort();
    server = await redisServer(port);
    t = await startPlatform(database, {
      env: {
        REDIS_URL: `redis://127.0.0.1:${port}`,
        REDIS_PREFIX: `frontdesk-test-${randomUUID()}`,
      },
      limits: { loginPerIp: 2 },
      logger: {
        stream: {
          write(line) {
            logLines.push(line);
            onLine?.(line);
          },
        },
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await server?.stop();
    await database?.drop();
  });

  const login = () =>
    t.request('/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@test.example', password: PASSWORD }),
    });

  it('signs in, and limits sign-ins, without a 500; the outage is logged', async () => {
    expect((await login()).status).toBe(200);
    await server?.stop();
    await logged(/"level":40,.*"msg":"Redis is unreachable/);
    // Counted afresh in memory: two more, then the limit.
    expect((await login()).status).toBe(200);
    expect((await login()).status).toBe(200);
    const limited = await login();
    expect(limited.status).toBe(429);
    expect((await limited.json()).error.code).toBe('rate_limited');
  });
});

describe.each(engines)('a platform whose Redis answers slowly at its start on $name', (engine) => {
  it('counts its first sign-in in Redis: it waits for Redis before it serves', async () => {
    const prefix = `frontdesk-test-${randomUUID()}`;
    // A loopback relay to the test Redis that holds each new connection for a while, as a Redis
    // across a slow network or still loading its data does.
    const relay = createServer((client) => {
      const held = setTimeout(() => {
        const upstream = connect(
          Number(new URL(REDIS_URL).port || 6379),
          new URL(REDIS_URL).hostname,
        );
        client.pipe(upstream).pipe(client);
        upstream.on('error', () => client.destroy());
        client.on('error', () => upstream.destroy());
      }, 1_500);
      client.on('close', () => clearTimeout(held));
    }).listen(0, '127.0.0.1');
    await once(relay, 'listening');
    const { port } = relay.address() as AddressInfo;
    const database = await engine.open();
    const redis = await readyRedis(REDIS_URL);
    const t = await startPlatform(database, {
      env: { REDIS_URL: `redis://127.0.0.1:${port}`, REDIS_PREFIX: prefix },
    });
    try {
      const response = await t.request('/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@test.example', password: PASSWORD }),
      });
      expect(response.status).toBe(200);
      expect(await redis.keys(`${prefix}:fd-login-ip:*`)).toHaveLength(1);
    } finally {
      await t.close();
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
      relay.close();
      await database.drop();
    }
  });
});
