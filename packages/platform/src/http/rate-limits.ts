import type { Redis } from 'ioredis';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { ApiError } from './api-error';

/** The platform's rate limiters: in memory by default, shared through Redis with REDIS_URL. */
export interface Limiters {
  /** Login attempts per client IP. */
  loginByIp: RateLimiterAbstract;
  /** Failed logins per e-mail address. */
  loginByEmail: RateLimiterAbstract;
  /** SIP call credentials issued per client IP (each visitor call needs one). */
  callCredentialsByIp: RateLimiterAbstract;
  /** Callback orders per client IP. */
  ordersByIp: RateLimiterAbstract;
  /** Callback orders per visitor's number (E.164). */
  ordersByPhone: RateLimiterAbstract;
  /** Chat messages per chat visitor, per minute. */
  chatMessage: RateLimiterAbstract;
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
  loginFailuresPerEmail: number;
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
 * Default limits: 30 logins per IP, 10 failures per address and 60 call credentials per IP in 15
 * minutes; 20 callback orders per IP (an office behind one address) and 3 per number in 10 minutes.
 */
export const defaultLimits: LimitSettings = {
  loginPerIp: 30,
  loginFailuresPerEmail: 10,
  callCredentialsPerIp: DEFAULT_CALL_CREDENTIALS_PER_IP,
  windowSeconds: 900,
  ordersPerIp: 20,
  ordersPerPhone: 3,
  orderWindowSeconds: 600,
};

/**
 * The limiters over `redis` when given, else in memory. Redis keys start with `redisPrefix`
 * (REDIS_PREFIX), like the socket.io stream: platforms sharing one Redis keep their counts apart.
 */
export function createLimiters(
  limits: LimitSettings,
  redis?: Redis,
  redisPrefix = 'frontdesk',
): Limiters {
  const make = (name: string, points: number, duration = limits.windowSeconds) =>
    redis
      ? new RateLimiterRedis({
          storeClient: redis,
          keyPrefix: `${redisPrefix}:${name}`,
          points,
          duration,
        })
      : new RateLimiterMemory({ keyPrefix: name, points, duration });
  return {
    loginByIp: make('fd-login-ip', limits.loginPerIp),
    loginByEmail: make('fd-login-email', limits.loginFailuresPerEmail),
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
