import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import type { Server } from 'socket.io';
import { type Clock, systemClock } from './clock';
import type { PlatformEnv } from './env';
import { buildApp } from './http/app';
import type { AppContext } from './http/context';
import { createLimiters, defaultLimits, type LimitSettings } from './http/rate-limits';
import { createRealtime } from './realtime';
import { createStore, type Database, migrate, openDatabase, type Store } from './storage';

/** What a running platform is made of. */
export interface Platform {
  app: FastifyInstance;
  io: Server;
  store: Store;
  /** Starts listening on env.host:env.port (port 0 picks a free one); resolves to the base URL. */
  listen(): Promise<string>;
  /** Stops accepting, finishes requests in flight, closes sockets, Redis and the database. */
  close(): Promise<void>;
}

/** Options of {@link createPlatform}; everything but env has a production default. */
export interface PlatformOptions {
  env: PlatformEnv;
  clock?: Clock;
  limits?: LimitSettings;
  assetDirs?: string[];
  logger?: boolean;
  /** An open database to use instead of the one env names (tests); its opener closes it. */
  database?: Database;
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
  const ctx: AppContext = {
    store: createStore(database, { now: () => clock().getTime() }),
    env,
    clock,
    limiters: createLimiters(options.limits ?? defaultLimits, redis),
    assetDirs: options.assetDirs ?? [],
  };
  const app = await buildApp(ctx, { logger: options.logger });
  const io = createRealtime(app.server, ctx);
  return {
    app,
    io,
    store: ctx.store,
    async listen() {
      await app.listen({ host: env.host, port: env.port });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : env.port;
      return `http://${env.host}:${port}`;
    },
    async close() {
      // Disconnect realtime clients first: Fastify then closes the one HTTP server they share.
      io.disconnectSockets(true);
      io.engine.close();
      await app.close();
      redis?.disconnect();
      if (!options.database) await database.close();
    },
  };
}
