/**
 * The built platform (`dist/main.js`) as a child process, the way `pnpm --filter
 * @frontdesk/platform start` runs it: configured by its environment, over a data directory of
 * its own that outlives each process, so a test can kill it and start it again on the same data.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { io, type Socket } from 'socket.io-client';

const mainJs = new URL('../../dist/main.js', import.meta.url).pathname;

/** The built platform on a data directory; one process at a time runs on it. */
export interface BuiltPlatform {
  /** The data directory every process of it shares. */
  readonly dataDir: string;
  /** Its SQLite database file in the data directory. */
  readonly databaseFile: string;
  /** Where the running process listens; undefined before it listens and once it exited. */
  readonly url: string | undefined;
  /** What the latest process wrote to stdout and stderr so far. */
  readonly output: string;
  /** Starts a process (none may be running); resolves to its URL once it listens. */
  start(): Promise<string>;
  /**
   * Sends `signal` to the running process; resolves to its exit code (null when the signal ended
   * it). A process that exited already is not signalled: its exit code, as it was.
   */
  kill(signal: NodeJS.Signals): Promise<number | null>;
  /** Kills a process still running and deletes the data directory (for `afterAll`). */
  dispose(): Promise<void>;
}

/**
 * The built platform on a fresh data directory named after `prefix`, seeded with the demo
 * account, quiet, on a free loopback port, with `env` over that. Nothing runs until `start()`.
 */
export async function builtPlatform(
  prefix: string,
  env: Record<string, string> = {},
): Promise<BuiltPlatform> {
  const dataDir = await mkdtemp(join(tmpdir(), prefix));
  let child: ChildProcess | undefined;
  let url: string | undefined;
  let output = '';
  const running = () => child !== undefined && child.exitCode === null && child.signalCode === null;
  const kill = async (signal: NodeJS.Signals): Promise<number | null> => {
    const dying = child;
    if (!dying) throw new Error('the platform was never started');
    if (!running()) return dying.exitCode;
    const exited = new Promise<number | null>((resolve) => dying.once('exit', resolve));
    dying.kill(signal);
    return exited;
  };

  return {
    dataDir,
    databaseFile: join(dataDir, 'frontdesk.sqlite'),
    get url() {
      return url;
    },
    get output() {
      return output;
    },
    async start() {
      if (running()) throw new Error('the platform is running already');
      output = '';
      // Nothing else from the runner's environment: its DATABASE_URL or REDIS_URL must not leak in.
      const started = spawn(process.execPath, [mainJs], {
        env: {
          PATH: process.env.PATH,
          PORT: '0',
          DATA_DIR: dataDir,
          SEED_DEMO: '1',
          LOG: '0',
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      // Kept before it listens, so `dispose()` can kill a process that never came up.
      child = started;
      started.once('exit', () => {
        if (child === started) url = undefined;
      });
      started.stderr?.on('data', (chunk) => {
        output += chunk;
      });
      url = await new Promise<string>((resolve, reject) => {
        started.stdout?.on('data', (chunk) => {
          output += chunk;
          const match = /platform at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
          if (match?.[1]) resolve(match[1]);
        });
        started.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
      });
      return url;
    },
    kill,
    async dispose() {
      if (running()) await kill('SIGKILL');
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** How long {@link killMidStream} waits for one life's share of the work. */
const LIFE_WAIT_MS = 90_000;

/**
 * Kills `platform` with SIGKILL `kills` times while the test's clients keep working, starting it
 * again each time. Each process first acknowledges `perLife` more of the work `acknowledged()`
 * counts (a loaded machine starts slowly: a fixed pause could kill it before it took any, and the
 * test would prove nothing), then dies at a random moment up to `jitterMs` later, so the kill lands
 * in the middle of a request rather than between two.
 */
export async function killMidStream(
  platform: BuiltPlatform,
  options: { kills: number; perLife: number; acknowledged: () => number; jitterMs: number },
): Promise<void> {
  for (let kill = 0; kill < options.kills; kill++) {
    const target = options.acknowledged() + options.perLife;
    // No short cap: under load a life may need long to start, and killing it before it took its
    // share would make the next life's count the only proof. A life that takes nothing in
    // LIFE_WAIT_MS is broken, not slow.
    for (let waited = 0; options.acknowledged() < target; waited += 20) {
      if (waited > LIFE_WAIT_MS) {
        throw new Error(`life ${kill + 1} acknowledged nothing more in ${LIFE_WAIT_MS} ms`);
      }
      await delay(20);
    }
    await delay(randomInt(0, options.jitterMs));
    await platform.kill('SIGKILL');
    await platform.start();
  }
}

/** Signs `email` in on `base` with the demo password: the session's cookie and CSRF token. */
export async function demoSignIn(
  base: string,
  email: string,
): Promise<{ cookie: string; csrfToken: string }> {
  const response = await fetch(`${base}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'demo-password' }),
  });
  if (response.status !== 200) throw new Error(`sign-in: ${response.status}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrfToken };
}

/**
 * The console socket (`/ops`) on `base` of the demo user `email` (the demo operator unless
 * given), once the platform said hello.
 */
export async function demoOperatorSocket(
  base: string,
  email = 'operator@demo.test',
): Promise<Socket> {
  const { cookie } = await demoSignIn(base, email);
  const socket = io(`${base}/ops`, {
    transports: ['websocket'],
    extraHeaders: { cookie },
    forceNew: true,
    reconnection: false,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('hello', () => resolve());
    socket.once('connect_error', reject);
    setTimeout(() => reject(new Error('no hello')), 10_000);
  }).catch((error: unknown) => {
    socket.close();
    throw error;
  });
  return socket;
}

/**
 * Gives the demo chat of the platform at `base` the Telegram `bot` as its channel (by the admin
 * API, as the demo admin), its messages by `mode`.
 */
export async function connectDemoBot(
  base: string,
  bot: { token: string; username: string },
  mode: 'polling' | 'webhook',
): Promise<void> {
  const { cookie, csrfToken } = await demoSignIn(base, 'admin@demo.test');
  const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
  const { widgets } = (await (await fetch(`${base}/v1/admin/widgets`, { headers })).json()) as {
    widgets: { id: string; key: string; settings: { channels: object } }[];
  };
  const chat = widgets.find((widget) => widget.key === 'demo-chat');
  if (!chat) throw new Error('no demo chat');
  const telegram = {
    enabled: true,
    receiver: null,
    botToken: bot.token,
    botName: bot.username,
    mode,
  };
  const patched = await fetch(`${base}/v1/admin/widgets/${chat.id}`, {
    method: 'PATCH',
    headers,
    body: JSON.stringify({
      settings: { ...chat.settings, channels: { ...chat.settings.channels, telegram } },
    }),
  });
  if (patched.status !== 200) throw new Error(`PATCH: ${patched.status} ${await patched.text()}`);
}
