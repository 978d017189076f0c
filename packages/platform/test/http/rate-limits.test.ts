/**
 * The limiters over Redis (REDIS_URL): two platform processes count against one budget, and
 * platforms with different REDIS_PREFIX values sharing one Redis do not.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/http/api-error';
import { consumePoint, createLimiters, defaultLimits } from '../../src/http/rate-limits';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('rate limits over Redis', () => {
  const redis = new Redis(REDIS_URL);
  const prefix = `frontdesk-test-${randomUUID()}`;
  const limits = { ...defaultLimits, ordersPerIp: 3 };
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });

  const refusal = (promise: Promise<void>) =>
    promise.then(
      () => undefined,
      (error: unknown) => error,
    );

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
