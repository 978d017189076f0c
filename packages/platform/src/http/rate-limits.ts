import type { Redis } from 'ioredis';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { ApiError } from './api-error';

/**
 * The platform's rate limiters: in memory by default, shared through Redis with REDIS_URL. "IP" is
 * the client's address behind the trusted proxies (client-address.ts).
 */
export interface Limiters {
  /** Login attempts per client IP. */
  loginByIp: RateLimiterAbstract;
  /**
   * Failed logins per e-mail address and client IP (key {@link loginFailureKey}): guesses from
   * one address cannot lock the user out of every other.
   */
  loginFailures: RateLimiterAbstract;
  /** SIP call credentials issued per client IP (each visitor call needs one). */
  callCredentialsByIp: RateLimiterAbstract;
  /** Callback orders per client IP. */
  ordersByIp: RateLimiterAbstract;
  /** Callback orders per visitor's number (E.164). */
  ordersByPhone: RateLimiterAbstract;
  /** Chat messages per chat visitor, per minute. */
  chatMessage: RateLimiterAbstract;
  /** Embed-code e-mails a staff user sends (`POST …/embed-email`), per user. */
  embedEmailsByUser: RateLimiterAbstract;
  /** Embed-code e-mails per account, whoever sends them. */
  embedEmailsByAccount: RateLimiterAbstract;
  /** `/chat` handshakes per client address, per minute. */
  chatHandshakesByIp: RateLimiterAbstract;
  /** New chat visitors per client address, per minute. */
  chatVisitorsByIp: RateLimiterAbstract;
  /** Messenger hand-off tokens per chat visitor, per 10 minutes. */
  chatHandoffsByVisitor: RateLimiterAbstract;
}

/** Points per window of each limiter; tests lower them. */
export interface LimitSettings {
  loginPerIp: number;
  /** Failed logins per e-mail address and client IP. */
  loginFailuresPerEmailAndIp: number;
  /** Call credentials per IP; default {@link DEFAULT_CALL_CREDENTIALS_PER_IP}. */
  callCredentialsPerIp?: number;
  windowSeconds: number;
  /** Callback orders per IP per `orderWindowSeconds`. */
  ordersPerIp: number;
  /** Callback orders per visitor's number per `orderWindowSeconds`. */
  ordersPerPhone: number;
  orderWindowSeconds: number;
  /** Chat messages one visitor may send per minute; default {@link DEFAULT_CHAT_MESSAGES_PER_MINUTE}. */
  chatMessagesPerMinute?: number;
  /** Embed-code e-mails per user per hour. */
  embedEmailsPerUser: number;
  /** Embed-code e-mails per account per hour. */
  embedEmailsPerAccount: number;
  /** `/chat` handshakes from one address per minute; default {@link DEFAULT_CHAT_HANDSHAKES_PER_MINUTE}. */
  chatHandshakesPerMinute?: number;
  /** New chat visitors from one address per minute; default {@link DEFAULT_CHAT_VISITORS_PER_MINUTE}. */
  chatVisitorsPerMinute?: number;
  /** Hand-off links one visitor may get per 10 minutes; default {@link DEFAULT_CHAT_HANDOFFS_PER_VISITOR}. */
  chatHandoffsPerVisitor?: number;
}

/** Chat messages per visitor per minute: a fast typist's burst, not a flood. */
export const DEFAULT_CHAT_MESSAGES_PER_MINUTE = 30;

/** `/chat` handshakes per address per minute: page views and reconnects of a few visitors. */
export const DEFAULT_CHAT_HANDSHAKES_PER_MINUTE = 30;

/** New chat visitors per address per minute: an office behind one address, not a script. */
export const DEFAULT_CHAT_VISITORS_PER_MINUTE = 20;

/** Messenger hand-off links per visitor per 10 minutes: each messenger a few times. */
export const DEFAULT_CHAT_HANDOFFS_PER_VISITOR = 10;

/** Call credentials one IP may get per window: a few calls, retries, and a shared office NAT. */
export const DEFAULT_CALL_CREDENTIALS_PER_IP = 60;

/**
 * Default limits: 30 logins per IP, 10 failures per e-mail and IP and 60 call credentials per IP
 * in 15 minutes; 20 callback orders per IP (an office behind one address) and 3 per number in 10
 * minutes; 10 embed-code e-mails per user and 30 per account in an hour.
 */
export const defaultLimits: LimitSettings = {
  loginPerIp: 30,
  loginFailuresPerEmailAndIp: 10,
  callCredentialsPerIp: DEFAULT_CALL_CREDENTIALS_PER_IP,
  windowSeconds: 900,
  ordersPerIp: 20,
  ordersPerPhone: 3,
  orderWindowSeconds: 600,
  embedEmailsPerUser: 10,
  embedEmailsPerAccount: 30,
};

/** The key of {@link Limiters.loginFailures}. */
export function loginFailureKey(email: string, ip: string): string {
  return `${email} ${ip}`;
}

/**
 * The limiters over `redis` when given, else in memory. Redis keys start with `redisPrefix`
 * (REDIS_PREFIX), like the socket.io stream: platforms sharing one Redis keep their counts apart.
 * While Redis cannot be reached each limiter counts in this process instead (its insurance),
 * said once through `log` until Redis is back: a request is never refused for Redis's sake.
 */
export function createLimiters(
  limits: LimitSettings,
  redis?: Redis,
  redisPrefix = 'frontdesk',
  log: (message: string) => void = console.warn,
): Limiters {
  if (redis) reportOutages(redis, log);
  const make = (name: string, points: number, duration = limits.windowSeconds) => {
    const memory = new RateLimiterMemory({ keyPrefix: name, points, duration });
    return redis
      ? new RateLimiterRedis({
          storeClient: redis,
          keyPrefix: `${redisPrefix}:${name}`,
          points,
          duration,
          insuranceLimiter: memory,
          // Not ready (reconnecting): count in memory now, not after ioredis's retries.
          rejectIfRedisNotReady: true,
        })
      : memory;
  };
  return {
    loginByIp: make('fd-login-ip', limits.loginPerIp),
    loginFailures: make('fd-login-failures', limits.loginFailuresPerEmailAndIp),
    callCredentialsByIp: make(
      'fd-call-credentials-ip',
      limits.callCredentialsPerIp ?? DEFAULT_CALL_CREDENTIALS_PER_IP,
    ),
    ordersByIp: make('fd-orders-ip', limits.ordersPerIp, limits.orderWindowSeconds),
    ordersByPhone: make('fd-orders-phone', limits.ordersPerPhone, limits.orderWindowSeconds),
    chatMessage: make(
      'fd-chat-message',
      limits.chatMessagesPerMinute ?? DEFAULT_CHAT_MESSAGES_PER_MINUTE,
      60,
    ),
    embedEmailsByUser: make('fd-embed-emails-user', limits.embedEmailsPerUser, 3600),
    embedEmailsByAccount: make('fd-embed-emails-account', limits.embedEmailsPerAccount, 3600),
    chatHandshakesByIp: make(
      'fd-chat-handshake-ip',
      limits.chatHandshakesPerMinute ?? DEFAULT_CHAT_HANDSHAKES_PER_MINUTE,
      60,
    ),
    chatVisitorsByIp: make(
      'fd-chat-visitor-ip',
      limits.chatVisitorsPerMinute ?? DEFAULT_CHAT_VISITORS_PER_MINUTE,
      60,
    ),
    chatHandoffsByVisitor: make(
      'fd-chat-handoff-visitor',
      limits.chatHandoffsPerVisitor ?? DEFAULT_CHAT_HANDOFFS_PER_VISITOR,
      600,
    ),
  };
}

/** Logs once when Redis goes away (the limiters then count in memory) and once when it is back. */
function reportOutages(redis: Redis, log: (message: string) => void): void {
  let down = false;
  redis.on('error', (error: Error) => {
    if (down) return;
    down = true;
    log(
      `Redis is unreachable (${error.message}): rate limits count in this process until it is back.`,
    );
  });
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    log('Redis is back: rate limits are shared again.');
  });
}

/**
 * Takes one point of `key` from `limiter`.
 * @throws {ApiError} 429 `rate_limited` when none is left: "Too many {what}; try again in N s."
 */
export async function consumePoint(
  limiter: RateLimiterAbstract,
  key: string,
  what: string,
  field?: string,
): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw tooMany(what, error.msBeforeNext, field);
    throw error;
  }
}

/** The 429 answer for `what`, telling when to try again. */
export function tooMany(what: string, msBeforeNext: number, field?: string): ApiError {
  return new ApiError(
    429,
    'rate_limited',
    `Too many ${what}; try again in ${Math.ceil(msBeforeNext / 1000)} s.`,
    field,
  );
}
