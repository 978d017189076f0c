/**
 * What the benchmarks that run the built platform as its own process share: the database it runs
 * on (SQLite in a fresh folder; PostgreSQL when a server answers on its Unix socket — the private
 * network namespace of the bench has no TCP way out), the process itself with the probe preloaded
 * (chat-load-probe.mjs: CPU, event-loop delay and memory from inside, over IPC), its resident set
 * from /proc, the disk's fsync time, and an operator signed in on `/ops` as the console is.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as SocketIoClient from '../../packages/platform/node_modules/socket.io-client/build/esm/index.js';
import {
  demoOperatorSocket,
  demoSignIn,
} from '../../packages/platform/test/support/built-platform.ts';
import { percentile } from './bench-figures.ts';

// socket.io-client is a dependency of the platform package (its tests' client), not of the root.
/** socket.io's client, from the platform package's dependencies. */
export const { io } = createRequire(
  new URL('../../packages/platform/package.json', import.meta.url),
)('socket.io-client') as typeof SocketIoClient;
/** A socket.io client socket. */
export type Socket = SocketIoClient.Socket;

const root = resolve(import.meta.dirname, '../..');
const mainJs = join(root, 'packages/platform/dist/main.js');
const probeJs = pathToFileURL(fileURLToPath(new URL('./chat-load-probe.mjs', import.meta.url)));
/** PostgreSQL's socket folder: reachable inside the network namespace, unlike its TCP port. */
const PG_SOCKET_DIR = process.env.FRONTDESK_BENCH_PG_SOCKET_DIR ?? '/var/run/postgresql';

/** A database the platform runs on: its environment, and how to remove it afterwards. */
export interface Engine {
  name: string;
  env: NodeJS.ProcessEnv;
  remove(): Promise<void>;
}

/** What the probe preloaded into the platform answers (chat-load-probe.mjs). */
export interface Probe {
  /** CPU time before the probe's collections, and after them (the next window starts there). */
  cpu: NodeJS.CpuUsage;
  cpuAfterGc: NodeJS.CpuUsage;
  /** How late its event loop ran since the probe before. */
  loopDelayMs: { p50: number; p99: number; max: number };
  /** After two full collections. */
  memory: NodeJS.MemoryUsage;
}

/** The platform's process. */
export interface Platform {
  url: string;
  pid: number;
  probe(): Promise<Probe>;
  /** What it wrote to stderr: errors (LOG=0 leaves nothing else there). */
  errors(): string;
  /** SIGTERM; resolves to the exit code. */
  stop(): Promise<number | null>;
}

/** SQLite in a fresh data folder (the platform's default engine). */
export async function sqlite(): Promise<Engine> {
  const dir = await mkdtemp(join(tmpdir(), 'frontdesk-bench-'));
  return { name: 'SQLite', env: { DATA_DIR: dir }, remove: () => rm(dir, { recursive: true }) };
}

/** Runs `sql` on the PostgreSQL server through its socket; false when psql cannot. */
function psql(sql: string): boolean {
  const result = spawnSync(
    'psql',
    ['-h', PG_SOCKET_DIR, '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c', sql],
    { encoding: 'utf8' },
  );
  return result.status === 0;
}

/** A fresh PostgreSQL database, or undefined when no server answers on the socket. */
export async function postgres(): Promise<Engine | undefined> {
  if (!existsSync(join(PG_SOCKET_DIR, '.s.PGSQL.5432'))) return undefined;
  const name = `frontdesk_bench_${randomBytes(6).toString('hex')}`;
  if (!psql(`create database ${name}`)) return undefined;
  const dir = await mkdtemp(join(tmpdir(), 'frontdesk-bench-'));
  return {
    name: 'PostgreSQL',
    env: {
      DATA_DIR: dir,
      DATABASE_URL: `postgres://postgres@localhost/${name}?host=${encodeURIComponent(PG_SOCKET_DIR)}`,
    },
    async remove() {
      // FORCE: a connection left behind must not keep the database alive.
      psql(`drop database if exists ${name} with (force)`);
      await rm(dir, { recursive: true });
    },
  };
}

/** The engines to run on: SQLite, and PostgreSQL when its server answers. */
export async function engines(): Promise<Engine[]> {
  return [await sqlite(), await postgres()].filter((e): e is Engine => e !== undefined);
}

/**
 * Starts the built platform with the demo seed on `engine`, `env` added to its environment;
 * resolves once it listens. `cleanups` gets what kills it if the run ends early.
 */
export async function startPlatform(
  engine: Engine,
  env: NodeJS.ProcessEnv,
  cleanups: (() => Promise<unknown>)[],
): Promise<Platform> {
  let output = '';
  let errors = '';
  const child: ChildProcess = spawn(
    process.execPath,
    ['--expose-gc', '--import', probeJs.href, mainJs],
    {
      env: { PATH: process.env.PATH, PORT: '0', SEED_DEMO: '1', LOG: '0', ...env, ...engine.env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    },
  );
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  child.stderr?.on('data', (chunk) => {
    errors += chunk;
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      const match = /platform at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) =>
      reject(new Error(`the platform exited (${code}): ${output}${errors}`)),
    );
  });
  return {
    url,
    pid: child.pid ?? 0,
    errors: () => errors,
    probe: () =>
      new Promise<Probe>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the probe did not answer')), 30_000);
        child.once('message', (answer) => {
          clearTimeout(timer);
          resolve(answer as Probe);
        });
        child.send('probe');
      }),
    stop() {
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** The platform's resident set now (VmRSS), in bytes, without disturbing it. */
export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN) * 1024;
}

/**
 * Samples the resident set of process `pid` every 0.5 s; `peak()` is the highest so far, `stop()`
 * ends the sampling.
 */
export function peakRss(pid: number): { peak(): number; stop(): void } {
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssOf(pid));
  }, 500);
  return { peak: () => peak, stop: () => clearInterval(sampler) };
}

/**
 * How long appending 4 KiB to a file in `tmpdir()` (the data folders' disk) and its fsync take,
 * 100 times: what each SQLite commit (a WAL append) waits for at least. Median and p99.
 */
export function fsyncMs(): [number, number] {
  const file = join(tmpdir(), `frontdesk-fsync-${randomBytes(4).toString('hex')}`);
  const fd = openSync(file, 'w');
  const block = Buffer.alloc(4096, 1);
  const times: number[] = [];
  try {
    for (let i = 0; i < 100; i++) {
      const start = performance.now();
      writeSync(fd, block, 0, block.length, i * block.length);
      fsyncSync(fd);
      times.push(performance.now() - start);
    }
  } finally {
    closeSync(fd);
    rmSync(file);
  }
  return [percentile(times, 50), percentile(times, 99)];
}

/** Signs a demo user in: the session's cookie and CSRF token for writes. */
export const signIn = demoSignIn;
/** A demo user's `/ops` socket (as the console's), once the platform said hello. */
export const connectOps = demoOperatorSocket;
