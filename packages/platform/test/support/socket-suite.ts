import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { TestDatabase, TestEngine } from './databases';
import { startPlatform, type TestPlatform } from './platform';

/** What {@link startPlatform} takes besides the database. */
export type StartOptions = NonNullable<Parameters<typeof startPlatform>[1]>;

/** Something a test opened that must be closed after it: a visitor's or an operator's socket. */
export interface Closable {
  socket: { close(): void; id?: string | undefined };
}

/** A platform for a `describe` block, and the sockets its tests open. */
export interface SocketSuite {
  /** The engine's database, opened before the block's own `beforeAll` hooks run. */
  readonly database: TestDatabase;
  /** The platform over it. */
  readonly t: TestPlatform;
  /** Keeps `client` to close it after the test; returns it. */
  keep<C extends Closable>(client: C): C;
}

/**
 * Opens `engine`'s database and a platform over it before the enclosing block's tests, closes the
 * sockets kept by each test after it (waiting until the platform has seen them go), and closes
 * both at the end. Call it first in the block, so
 * its `beforeAll` runs before the block's own. `options` may be a function when they need a
 * server started first (an SMTP receiver, say).
 */
export function socketSuite(
  engine: TestEngine,
  options: StartOptions | (() => Promise<StartOptions>) = {},
): SocketSuite {
  let database: TestDatabase | undefined;
  let platform: TestPlatform | undefined;
  const sockets: Closable[] = [];
  beforeAll(async () => {
    database = await engine.open();
    platform = await startPlatform(
      database,
      typeof options === 'function' ? await options() : options,
    );
  });
  afterEach(async () => {
    const closed = sockets.splice(0);
    // Read before closing: a closed socket.io client forgets its id.
    const ids = closed.flatMap((client) => (client.socket.id ? [client.socket.id] : []));
    for (const client of closed) client.socket.close();
    // Until the platform has seen them go, they still count as online (presence, routing).
    const io = platform?.platform.io;
    if (io && ids.length > 0) {
      await expect
        .poll(() =>
          ids.some((id) => io.of('/ops').sockets.has(id) || io.of('/chat').sockets.has(id)),
        )
        .toBe(false);
    }
  });
  afterAll(async () => {
    await platform?.close();
    await database?.drop();
  });
  const opened = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('socketSuite: used before its beforeAll ran');
    return value;
  };
  return {
    get database() {
      return opened(database);
    },
    get t() {
      return opened(platform);
    },
    keep(client) {
      sockets.push(client);
      return client;
    },
  };
}
