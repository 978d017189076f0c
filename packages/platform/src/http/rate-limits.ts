import type { Redis } from 'ioredis';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
} from 'rate-limiter-flexible';

/** The platform's rate limiters: in memory by default, shared through Redis with REDIS_URL. */
export interface Limiters {
  /** Login attempts per client IP. */
  loginByIp: RateLimiterAbstract;
  /** Failed logins per e-mail address. */
  loginByEmail: RateLimiterAbstract;
}

/** Points per window of each limiter; tests lower them. */
export interface LimitSettings {
  loginPerIp: number;
  loginFailuresPerEmail: number;
  windowSeconds: number;
}

/** Default limits: 30 logins per IP and 10 failures per address in 15 minutes. */
export const defaultLimits: LimitSettings = {
  loginPerIp: 30,
  loginFailuresPerEmail: 10,
  windowSeconds: 900,
};

/** The limiters over `redis` when given, else in memory. */
export function createLimiters(limits: LimitSettings, redis?: Redis): Limiters {
  const make = (keyPrefix: string, points: number) =>
    redis
      ? new RateLimiterRedis({
          storeClient: redis,
          keyPrefix,
          points,
          duration: limits.windowSeconds,
        })
      : new RateLimiterMemory({ keyPrefix, points, duration: limits.windowSeconds });
  return {
    loginByIp: make('fd-login-ip', limits.loginPerIp),
    loginByEmail: make('fd-login-email', limits.loginFailuresPerEmail),
  };
}
