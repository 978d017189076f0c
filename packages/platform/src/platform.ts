import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import type { Server } from 'socket.io';
import { DEFAULT_PASSWORD_COST, opsSessions } from './accounts';
import { createSipEdge, edgeLogger, type SipEdge, type SipEdgeTuning, syncingStore } from './calls';
import {
  type Channels,
  type ChannelTuning,
  chatDistribution,
  chatFeed,
  DEFAULT_CHANNEL_TUNING,
  leaseTuning,
  missedNotice,
  registerAttachmentRoute,
  registerFacebookStatus,
  registerFacebookWebhook,
  registerTelegramStatus,
  registerTelegramWebhook,
  registerViberStatus,
  registerViberWebhook,
  registerVkCallback,
  registerVkStatus,
  startChannels,
} from './chat';
import { type Clock, systemClock } from './clock';
import type { AppContext } from './context';
import type { PlatformEnv } from './env';
import { type AppLogger, buildApp } from './http/app';
import { createLimiters, defaultLimits, type LimitSettings } from './http/rate-limits';
import { autoCallbacks, orderFeed } from './orders';
import type { OutboxChannel, Transport } from './outbox';
import { emailTransport, smsTransport } from './outbox';
import { eraseFromStream } from './realtime/erase-from-stream';
import { closingPresence } from './realtime/presence-lookup';
import { createRealtime } from './realtime/realtime';
import { createStore, type Database, migrate, openDatabase, type Store } from './storage';
import { widgetPresence } from './widgets';
import { claimerId, startWorkers, type Workers } from './workers';

/** What a running platform is made of. */
export interface Platform {
  app: FastifyInstance;
  io: Server;
  store: Store;
  /**
   * The background workers (due callback orders, chat auto-replies, the outbox, expired `/ops`
   * sessions, distributing chat groups, missed enquiries). They run every `env.workerIntervalMs`;
   * with 0 nothing runs by itself, and tests call `runDue()`, `fireAutoReplies()`,
   * `sendOutbox()`, `endExpiredSessions()`, `distributeChats()` and `noticeMissed()` when they
   * want a pass.
   */
  workers: Pick<
    Workers,
    | 'runDue'
    | 'callbacksSettled'
    | 'fireAutoReplies'
    | 'deliverReplies'
    | 'fetchAttachments'
    | 'sendOutbox'
    | 'endExpiredSessions'
    | 'distributeChats'
    | 'noticeMissed'
  >;
  /**
   * The messenger channels of this process (CHAT.md, channels): the workers' pass refreshes
   * them every `refreshMs`; tests call `refresh()` after connecting a bot.
   */
  channels: Pick<Channels, 'refresh' | 'pollers' | 'subscribe'>;
  /** The SIP edge (Kamailio) of a process with SIP_EDGE=1; started by listen(), stopped by close(). */
  sipEdge: SipEdge | undefined;
  /** Starts listening on env.host:env.port (port 0 picks a free one); resolves to the base URL. */
  listen(): Promise<string>;
  /**
   * Stops the workers (a pass in progress finishes), stops accepting, finishes requests in
   * flight, closes sockets, Redis, the mail transport and the database.
   */
  close(): Promise<void>;
}

/** Options of {@link createPlatform}; everything but env has a production default. */
export interface PlatformOptions {
  env: PlatformEnv;
  clock?: Clock;
  /** Limits over env.limits over the defaults. */
  limits?: Partial<LimitSettings>;
  assetDirs?: string[];
  /** Built staff web apps by URL prefix: `{ '/console': '…/console/dist' }`. */
  webApps?: Record<string, string>;
  /** Request and error logs: off, to stdout (true), or to a stream (tests). */
  logger?: AppLogger;
  /** scrypt's cost N for new password hashes (default 2^17); tests use 2^14. */
  passwordCost?: number;
  /** An open database to use instead of the one env names (tests); its opener closes it. */
  database?: Database;
  /** Timings and limits of the SIP edge (tests shorten them). */
  sipTuning?: Partial<SipEdgeTuning>;
  /** Proxies whose X-Forwarded-For the SIP edge believes (addresses or CIDRs; default none). */
  sipTrustedProxies?: string[];
  /** Picks a free port for each SIP edge listener not configured (tests give a taken one). */
  sipPickPort?: () => Promise<number>;
  /** Timings of the messenger channels' pollers (tests shorten them). */
  channelTuning?: Partial<ChannelTuning>;
}

/**
 * How long a start waits for Redis: until it is ready the limiters count in memory, so the first
 * requests of a platform that did not wait would not be counted where its peers count.
 */
const REDIS_START_WAIT_MS = 5_000;

/** Resolves once `redis` is ready, has failed (it then reconnects on its own), or after `ms`. */
function settled(redis: Redis, ms: number): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      redis.off('ready', done);
      redis.off('error', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    redis.once('ready', done);
    redis.once('error', done);
  });
}

/** Opens the database (migrated), builds the HTTP app and socket.io on one server. */
export async function createPlatform(options: PlatformOptions): Promise<Platform> {
  const { env } = options;
  const database =
    options.database ??
    (await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir }));
  await migrate(database);
  const redis = env.redisUrl
    ? new Redis(env.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 })
    : undefined;
  const clock = options.clock ?? systemClock;
  const store = createStore(database, { now: () => clock().getTime() });
  // Redis may fail before the app, whose logger says it, exists.
  let warn = (message: string) => console.warn(message);
  const sipEdge = env.sipEdge
    ? createSipEdge({
        env,
        store,
        log: edgeLogger(() => app),
        tuning: options.sipTuning,
        clock,
        trustedProxies: options.sipTrustedProxies ?? env.trustProxy,
        ...(options.sipPickPort ? { pickPort: options.sipPickPort } : {}),
      })
    : undefined;
  const ctx: AppContext = {
    // Kamailio's widget tables follow every call widget change made through this store.
    store: sipEdge ? syncingStore(store, sipEdge.widgetsChanged) : store,
    env,
    clock,
    limiters: createLimiters(
      { ...defaultLimits, ...env.limits, ...options.limits },
      redis,
      env.redisPrefix,
      (message) => warn(message),
    ),
    passwordCost: options.passwordCost ?? DEFAULT_PASSWORD_COST,
    opsSessions: opsSessions(() => io.of('/ops')),
    assetDirs: options.assetDirs ?? [],
    webApps: options.webApps ?? {},
    orderPlaced: () => undefined,
    distribute: () => undefined,
    holderFirst: async (conversation) => conversation,
    presence: async () => ({ presence: 'nobody' }),
    eraseFromRealtime: async (needles) => {
      if (redis) await eraseFromStream(redis, `${env.redisPrefix}:socket.io`, needles);
    },
  };
  const app = await buildApp(ctx, { logger: options.logger, sipEdge });
  warn = (message) => app.log.warn(message);
  if (redis) await settled(redis, REDIS_START_WAIT_MS);
  // The adapter blocks on its own connection while it reads the stream. Its outages are the main
  // connection's too, which the limiters log (rate-limits.ts).
  const streams = redis?.duplicate();
  streams?.on('error', () => undefined);
  const io = createRealtime(
    app.server,
    ctx,
    streams &&
      createAdapter(streams, {
        streamName: `${env.redisPrefix}:socket.io`,
        // The adapter counts the servers that answer a lookup by who listens on this channel:
        // without the prefix, every platform on the same Redis would count, and a lookup would
        // wait for answers that never come (and then settle for this process's sockets).
        channelPrefix: `${env.redisPrefix}:socket.io`,
      }),
  );
  ctx.presence = (widget) =>
    widgetPresence({ ops: io.of('/ops'), store: ctx.store, now: clock().getTime() }, widget);
  const feed = orderFeed(io.of('/ops'), clock);
  const transports = outboxTransports(env);
  const claim = { by: claimerId(), leaseMs: env.workerLeaseMs };
  const chat = chatFeed(io, ctx);
  const channels = startChannels({
    store: ctx.store,
    clock,
    telegramApiUrl: env.telegramApiUrl,
    viberApiUrl: env.viberApiUrl,
    vkApiUrl: env.vkApiUrl,
    facebookGraphUrl: env.facebookGraphUrl,
    webhookUrl: () => env.webhookUrl,
    chatFeed: chat,
    limiter: ctx.limiters.chatMessage,
    ops: io.of('/ops'),
    attachmentMaxBytes: env.attachmentMaxBytes,
    claim,
    tuning: {
      ...DEFAULT_CHANNEL_TUNING,
      ...leaseTuning(env.channelLeaseMs),
      ...options.channelTuning,
    },
  });
  registerTelegramWebhook(
    app,
    { store: ctx.store, clock, feed: chat, limiter: ctx.limiters.chatMessage },
    env.telegramApiUrl,
  );
  registerTelegramStatus(app, ctx);
  registerViberWebhook(app, {
    store: ctx.store,
    clock,
    feed: chat,
    limiter: ctx.limiters.chatMessage,
  });
  registerViberStatus(app, ctx);
  registerVkCallback(
    app,
    { store: ctx.store, clock, feed: chat, limiter: ctx.limiters.chatMessage },
    env.vkApiUrl,
  );
  registerVkStatus(app, ctx);
  registerFacebookWebhook(
    app,
    { store: ctx.store, clock, feed: chat, limiter: ctx.limiters.chatMessage },
    env.facebookApp,
    env.facebookGraphUrl,
  );
  registerFacebookStatus(app, ctx);
  registerAttachmentRoute(app, ctx);
  channels.subscribe((event) => {
    if (event.type === 'error') app.log.warn(`${event.credential}: ${event.error}`);
  });
  const distribution = chatDistribution(io, ctx, chat);
  // One run of turns at a time in this process (the database keeps processes apart), and at most
  // one waiting: what is asked meanwhile joins it, so a burst of messages costs a run or two.
  let turns = Promise.resolve();
  let waiting: Set<string> | undefined;
  ctx.distribute = (groupIds) => {
    if (waiting) {
      for (const groupId of groupIds) waiting.add(groupId);
      return;
    }
    const asked = new Set(groupIds);
    waiting = asked;
    turns = turns
      .then(async () => {
        waiting = undefined;
        for (const groupId of asked) await distribution.group(groupId);
        await distribution.pass();
      })
      .catch((error: unknown) => app.log.error(error));
  };
  ctx.holderFirst = async (conversation) => {
    const { receiver } = conversation;
    if (receiver?.kind !== 'group' || conversation.assignee) return conversation;
    try {
      await distribution.group(receiver.id);
      return (await store.conversations.get(conversation.id)) ?? conversation;
    } catch (error) {
      // The workers' pass gives it out later; the operators must hear of the message now.
      app.log.error(error);
      return conversation;
    }
  };
  const workers = startWorkers(
    ctx,
    feed,
    transports,
    { intervalMs: env.workerIntervalMs, ...claim },
    (error) => app.log.error(error),
    chat,
    { distributeChats: distribution.pass, noticeMissed: missedNotice(io.of('/ops'), ctx) },
    channels,
    sipEdge &&
      ((workerClaim) =>
        autoCallbacks({
          store: ctx.store,
          clock,
          edge: sipEdge,
          feed,
          claim: workerClaim,
          log: (error) => app.log.error(error),
        })),
  );
  ctx.orderPlaced = (order) => {
    feed.updated(order);
    workers.wake();
  };
  return {
    app,
    io,
    store: ctx.store,
    workers: {
      runDue: workers.runDue,
      callbacksSettled: workers.callbacksSettled,
      fireAutoReplies: workers.fireAutoReplies,
      deliverReplies: workers.deliverReplies,
      fetchAttachments: workers.fetchAttachments,
      sendOutbox: workers.sendOutbox,
      endExpiredSessions: workers.endExpiredSessions,
      distributeChats: workers.distributeChats,
      noticeMissed: workers.noticeMissed,
    },
    channels,
    sipEdge,
    async listen() {
      await app.listen({ host: env.host, port: env.port });
      await sipEdge?.start();
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : env.port;
      return `http://${env.host}:${port}`;
    },
    async close() {
      await sipEdge?.stop();
      await workers.stop();
      // No turn starts now; the one under way finishes before the database closes.
      ctx.distribute = () => undefined;
      ctx.holderFirst = async (conversation) => conversation;
      await turns;
      await channels.stop();
      for (const transport of Object.values(transports)) transport.close();
      // Disconnect realtime clients first: Fastify then closes the one HTTP server they share.
      const presenceSettled = closingPresence(io);
      io.disconnectSockets(true);
      io.engine.close();
      await app.close();
      await presenceSettled;
      streams?.disconnect();
      redis?.disconnect();
      if (!options.database) await database.close();
    },
  };
}

/** The outbox's transports of the channels the environment configures (SMTP_URL, SMS_URL). */
function outboxTransports(env: PlatformEnv): Partial<Record<OutboxChannel, Transport>> {
  const transports: Partial<Record<OutboxChannel, Transport>> = {};
  if (env.smtpUrl) {
    transports.email = emailTransport(env.smtpUrl, env.mailFrom, new URL(env.publicUrl).hostname);
  }
  if (env.smsUrl) transports.sms = smsTransport(env.smsUrl);
  return transports;
}
