/**
 * The SIP edge: one Kamailio from Debian on loopback, started, supervised (restarted with backoff
 * when it dies) and stopped by the platform process that has SIP_EDGE=1. Its config is rendered
 * from sip/kamailio.cfg.template into its own runtime directory (DATA_DIR/sip: config, PID file,
 * log); it is stopped by its PID. The platform keeps Kamailio's tables (allowed origins and line
 * of every call widget) current over Kamailio's RPC, mints the ephemeral credentials Kamailio
 * checks, and receives Kamailio's call events on a loopback listener of its own.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, readdirSync, readFileSync, type WriteStream } from 'node:fs';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import * as v from 'valibot';
import type { PlatformEnv } from '../env';
import type { Store, User, Widget } from '../storage/types';
import { kamailioConfig, subnetList } from './config';
import {
  isCredentialPart,
  mintCredential,
  operatorUser,
  type SipCredential,
  visitorUser,
} from './credentials';
import { applyCallEvent, CallEventSchema, type CallerContext, encodeContext } from './events';
import { findKamailio, type KamailioInstall } from './install';
import { type InternalServer, startInternalServer } from './internal-server';
import { servesLine } from './lines';
import { originsRegex } from './origins';
import { type KamailioRpc, kamailioRpc } from './rpc';

/** Where the edge stands. */
export type SipEdgeState =
  /** Kamailio or a module is missing: calls are unavailable (see `message`). */
  | 'unavailable'
  | 'starting'
  | 'running'
  /** Kamailio died or failed to start; the next attempt is scheduled. */
  | 'restarting'
  | 'stopped';

/** The edge's status, for the credential endpoints, logs and tests. */
export interface SipEdgeStatus {
  state: SipEdgeState;
  /** Why it is unavailable, or what went wrong last. */
  message: string | undefined;
  /** Kamailio's main process, while running. */
  pid: number | undefined;
  /** The loopback port of the WebSocket listener. */
  wsPort: number | undefined;
  /** Where browsers connect: `<SIP_WS_URL or ws://127.0.0.1:port>/sip/…`. */
  wsBaseUrl: string | undefined;
  /** How many times Kamailio was restarted after dying. */
  restarts: number;
}

/** Lines for the platform's log. */
export interface EdgeLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

/** Limits and timings of the edge; tests lower some. */
export interface SipEdgeTuning {
  /** Lifetime of a visitor's credential (≤ 5 minutes). */
  visitorTtlMs: number;
  /** Lifetime of an operator's credential; the softphone fetches a new one before it ends. */
  operatorTtlMs: number;
  ringTimeoutMs: number;
  maxCallSeconds: number;
  maxRegisterExpires: number;
  floodRequestsPer10s: number;
  handshakesPerMinute: number;
  callsPerCredentialPerMinute: number;
  /** How often the tables are compared with the database (changes made by other processes). */
  resyncIntervalMs: number;
  /** First and longest wait before restarting a Kamailio that died. */
  restartBackoffMs: [number, number];
  /** Kamailio's log level (1 notices, 2 info, 3 debug). */
  logLevel: number;
}

/** The default tuning. */
export const DEFAULT_TUNING: SipEdgeTuning = {
  visitorTtlMs: 5 * 60_000,
  operatorTtlMs: 60 * 60_000,
  ringTimeoutMs: 60_000,
  maxCallSeconds: 4 * 3600,
  maxRegisterExpires: 600,
  floodRequestsPer10s: 200,
  handshakesPerMinute: 60,
  callsPerCredentialPerMinute: 6,
  resyncIntervalMs: 30_000,
  restartBackoffMs: [500, 30_000],
  logLevel: 1,
};

/** Options of {@link createSipEdge}. */
export interface SipEdgeOptions {
  env: PlatformEnv;
  store: Store;
  log: EdgeLogger;
  /**
   * The real clock: Kamailio checks credential expiry against the system clock, so expiry is
   * computed from it, not from the platform's (injectable) clock. Default Date.now.
   */
  now?: () => number;
  tuning?: Partial<SipEdgeTuning>;
  /**
   * Addresses or CIDRs of the proxies in front of the WebSocket listener whose X-Forwarded-For
   * names the client (handshake limits count it). Default none: every peer counts as itself.
   */
  trustedProxies?: readonly string[];
}

/** A credential request while the edge cannot take calls. */
export class SipEdgeUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SipEdgeUnavailableError';
  }
}

/** The SIP edge of a platform process. */
export interface SipEdge {
  status(): SipEdgeStatus;
  /** Whether Kamailio runs and can take calls now. */
  available(): boolean;
  /** Starts Kamailio (or notes it unavailable); resolves once it runs or its first try failed. */
  start(): Promise<void>;
  /** Stops Kamailio by its PID, waits for it to be gone, and closes the loopback listener. */
  stop(): Promise<void>;
  /** `<ws base>/sip/<path>`. @throws {SipEdgeUnavailableError} before the edge runs. */
  wsUrl(path: string): string;
  /**
   * A visitor's credential for `widget` (a live call widget with a line); Kamailio learns the
   * caller context to show the operator. @throws {SipEdgeUnavailableError}
   */
  visitorCredential(
    widget: Widget,
    visitorId: string,
    context: CallerContext,
  ): Promise<SipCredential>;
  /** An operator's softphone credential. @throws {SipEdgeUnavailableError} */
  operatorCredential(user: User): SipCredential;
  /** A credential for any user part and expiry (tests: expired credentials). */
  mint(user: string, expiresAt: number): SipCredential;
  /**
   * Calls Kamailio's RPC (tests: `htable.seti win pin <n>` holds every flood counter in window
   * `n`, so that no minute boundary splits a count). @throws {SipEdgeUnavailableError}
   */
  rpc(method: string, params?: (string | number)[]): Promise<unknown>;
  /** Brings Kamailio's widget tables in line with the database. */
  syncTables(): Promise<void>;
  /** {@link syncTables} after a call widget changed, logging instead of throwing. */
  widgetsChanged(): Promise<void>;
  /** The edge's log (the platform's). */
  log: EdgeLogger;
  /** The runtime directory (config, PID file, log). */
  runtimeDir: string;
  pidFile: string;
  logFile: string;
}

const REALM = 'frontdesk';

/** A free TCP port on 127.0.0.1 (free now; the caller binds it right away). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Whether any process of group `pgid` is alive. Read from /proc, so that a zombie (an exited
 * process nobody reaped yet, which holds no socket) counts as gone; kill(0) where /proc is absent.
 */
export function groupAlive(pgid: number): boolean {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    try {
      process.kill(-pgid, 0);
      return true;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    // pid (comm) state ppid pgrp …; comm may hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) === pgid && fields[0] !== 'Z' && fields[0] !== 'X') return true;
  }
  return false;
}

/** The auth_ephemeral secret, kept in the runtime dir so credentials outlive a platform restart. */
async function authSecret(runtimeDir: string): Promise<string> {
  const file = join(runtimeDir, 'auth-secret');
  try {
    const existing = (await readFile(file, 'utf8')).trim();
    if (/^[A-Za-z0-9_-]{32,}$/.test(existing)) return existing;
  } catch {
    // None yet.
  }
  const secret = randomBytes(32).toString('base64url');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** Creates the edge of this process (nothing runs until {@link SipEdge.start}). */
export function createSipEdge(options: SipEdgeOptions): SipEdge {
  const { env, store, log } = options;
  const now = options.now ?? Date.now;
  const tuning: SipEdgeTuning = { ...DEFAULT_TUNING, ...options.tuning };
  // A wrong list stops the platform here, not every start of Kamailio later.
  subnetList(options.trustedProxies ?? []);
  const runtimeDir = join(env.dataDir, 'sip');
  const pidFile = join(runtimeDir, 'kamailio.pid');
  const logFile = join(runtimeDir, 'kamailio.log');
  const configFile = join(runtimeDir, 'kamailio.cfg');

  let state: SipEdgeState = 'stopped';
  let message: string | undefined;
  let restarts = 0;
  let install: KamailioInstall | undefined;
  let child: ChildProcess | undefined;
  let childExited: Promise<void> | undefined;
  let logStream: WriteStream | undefined;
  let recentLog: string[] = [];
  let internal: InternalServer | undefined;
  let rpc: KamailioRpc | undefined;
  let wsPort: number | undefined;
  let secret = '';
  let edgeSecret = '';
  let stopping = false;
  let restartTimer: NodeJS.Timeout | undefined;
  let resyncTimer: NodeJS.Timeout | undefined;
  let backoff = tuning.restartBackoffMs[0];
  let startedAt = 0;
  /** What Kamailio's tables hold, as far as this process pushed them. */
  let pushed = { worigin: new Map<string, string>(), wline: new Map<string, string>() };
  let syncing: Promise<void> | undefined;
  let syncAgain = false;
  /** The start attempt in progress, which stop() waits for. */
  let attempting: Promise<void> | undefined;
  /** If this process exits without stop() (a crash), Kamailio must not outlive it. */
  const onProcessExit = () => {
    if (child?.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Gone already.
      }
    }
  };

  const wsBase = () => env.sipWsUrl ?? (wsPort ? `ws://127.0.0.1:${wsPort}` : undefined);

  function requireRunning(): void {
    if (state !== 'running') {
      throw new SipEdgeUnavailableError(message ?? `The SIP edge is ${state}.`);
    }
  }

  function remember(line: string): void {
    recentLog.push(line);
    if (recentLog.length > 40) recentLog = recentLog.slice(-40);
    // Kamailio reports its children's exits as ALERTs: expected while stopping it.
    if (!stopping && /\b(ERROR|CRITICAL|ALERT|BUG)\b/.test(line)) log.warn(`kamailio: ${line}`);
  }

  function captureOutput(stream: NodeJS.ReadableStream | null): void {
    if (!stream) return;
    let rest = '';
    stream.on('data', (chunk: Buffer) => {
      logStream?.write(chunk);
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) if (line.trim() !== '') remember(line.trim());
    });
  }

  async function onEvent(body: unknown): Promise<void> {
    const parsed = v.safeParse(CallEventSchema, body);
    if (!parsed.success) {
      log.warn(`SIP edge: unreadable call event ${JSON.stringify(body).slice(0, 300)}`);
      return;
    }
    const applied = await applyCallEvent(store, parsed.output);
    if (applied === 'unknown_widget') {
      log.warn(`SIP edge: call event for an unknown widget: ${JSON.stringify(body).slice(0, 300)}`);
    }
  }

  /** Runs Kamailio once; resolves when it answers RPC, rejects when it exits or hangs first. */
  async function launch(found: Extract<KamailioInstall, { ok: true }>): Promise<void> {
    const rpcPort = await freePort();
    rpc = kamailioRpc(rpcPort, edgeSecret);
    await writeFile(
      configFile,
      await kamailioConfig({
        wsPort: wsPort ?? 0,
        rpcPort,
        platformUrl: internal?.url ?? '',
        edgeSecret,
        authSecret: secret,
        publicOrigin: env.publicUrl,
        realm: REALM,
        logLevel: tuning.logLevel,
        tcpWorkers: 4,
        maxConnections: 4096,
        ringTimeoutMs: tuning.ringTimeoutMs,
        maxRegisterExpires: tuning.maxRegisterExpires,
        contextTtl: Math.ceil(tuning.visitorTtlMs / 1000) + 600,
        regopTtl: tuning.maxRegisterExpires + 300,
        maxCallSeconds: tuning.maxCallSeconds,
        floodRequestsPer10s: tuning.floodRequestsPer10s,
        handshakesPerMinute: tuning.handshakesPerMinute,
        callsPerCredentialPerMinute: tuning.callsPerCredentialPerMinute,
        trustedProxies: options.trustedProxies ?? [],
      }),
      { mode: 0o600 },
    );
    await rm(pidFile, { force: true });
    logStream = createWriteStream(logFile, { flags: 'a', mode: 0o600 });
    recentLog = [];
    // -DD: stay in the foreground (this process supervises it); -E: log to stderr (captured into
    // kamailio.log); its own process group, so stopping reaches every Kamailio process.
    const proc = spawn(
      found.binary,
      [
        '-DD',
        '-E',
        '-f',
        configFile,
        '-P',
        pidFile,
        '-Y',
        runtimeDir,
        '-L',
        found.modulesDir,
        '-w',
        runtimeDir,
        '-m',
        '64',
        '-M',
        '8',
      ],
      { cwd: runtimeDir, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
    );
    child = proc;
    captureOutput(proc.stdout);
    captureOutput(proc.stderr);
    let exited = false;
    childExited = new Promise<void>((resolve) => {
      proc.once('exit', (code, signal) => {
        exited = true;
        logStream?.end();
        if (child === proc) child = undefined;
        resolve();
        onExit(proc, code, signal);
      });
      proc.once('error', (error) => {
        remember(`cannot run ${found.binary}: ${error.message}`);
        if (!exited) {
          exited = true;
          if (child === proc) child = undefined;
          resolve();
          onExit(proc, null, null);
        }
      });
    });

    const deadline = Date.now() + 15_000;
    for (;;) {
      if (exited) {
        // What its main process forked may still hold the sockets.
        await killGroup(proc.pid);
        throw new Error(`Kamailio exited at start: ${recentLog.slice(-8).join(' | ')}`);
      }
      if (stopping) throw new Error('the platform is stopping');
      try {
        await rpc.call('core.version');
        break;
      } catch {
        if (Date.now() > deadline) {
          await kill(proc);
          throw new Error(
            `Kamailio did not answer within 15 s: ${recentLog.slice(-8).join(' | ')}`,
          );
        }
        await delay(100);
      }
    }
  }

  function onExit(proc: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (stopping || state === 'starting') return;
    const how = signal ? `signal ${signal}` : `code ${code}`;
    message = `Kamailio (pid ${proc.pid}) exited with ${how}: ${recentLog.slice(-5).join(' | ')}`;
    log.error(`SIP edge: ${message}; restarting`);
    state = 'restarting';
    // Children of a main process that died hold its sockets: end them before starting anew.
    void killGroup(proc.pid).then(scheduleRestart);
  }

  /** Ends what is left of the process group `pgid` (SIGTERM, then SIGKILL after 5 s). */
  async function killGroup(pgid: number | undefined): Promise<void> {
    if (pgid === undefined) return;
    const signalGroup = (signal: NodeJS.Signals) => {
      try {
        process.kill(-pgid, signal);
      } catch {
        // Already gone.
      }
    };
    if (!groupAlive(pgid)) return;
    signalGroup('SIGTERM');
    const deadline = Date.now() + 5_000;
    while (groupAlive(pgid) && Date.now() < deadline) await delay(50);
    if (groupAlive(pgid)) {
      signalGroup('SIGKILL');
      const last = Date.now() + 3_000;
      while (groupAlive(pgid) && Date.now() < last) await delay(20);
      if (groupAlive(pgid))
        log.error(`SIP edge: Kamailio processes of group ${pgid} outlived SIGKILL`);
    }
  }

  function scheduleRestart(): void {
    if (stopping) return;
    state = 'restarting';
    // A Kamailio that ran a good while starts over from the shortest wait.
    if (startedAt && Date.now() - startedAt > 60_000) backoff = tuning.restartBackoffMs[0];
    const wait = backoff;
    backoff = Math.min(backoff * 2, tuning.restartBackoffMs[1]);
    clearTimeout(restartTimer);
    restartTimer = setTimeout(() => {
      restarts++;
      attempting = attempt();
    }, wait);
    restartTimer.unref();
  }

  /** One start of Kamailio with its tables; schedules the next on failure. */
  async function attempt(): Promise<void> {
    if (stopping || install?.ok !== true) return;
    state = 'starting';
    try {
      await launch(install);
      if (stopping) return;
      pushed = { worigin: new Map(), wline: new Map() };
      state = 'running';
      startedAt = Date.now();
      await syncTables();
      message = undefined;
      log.info(`SIP edge: Kamailio (pid ${child?.pid}) on ${wsBase()}`);
    } catch (error) {
      if (stopping) return;
      message = `Kamailio did not start: ${error instanceof Error ? error.message : String(error)}`;
      log.error(`SIP edge: ${message}`);
      if (child) await kill(child);
      scheduleRestart();
    }
  }

  /** Stops Kamailio: its whole process group, by its PID; resolves when all are gone. */
  async function kill(proc: ChildProcess): Promise<void> {
    await killGroup(proc.pid);
    if (child === proc) await childExited;
  }

  /**
   * A Kamailio of an earlier run of this platform that was not stopped (the process was killed):
   * found by the PID file, recognised by its command line naming this config, stopped by its PID.
   */
  async function stopLeftover(): Promise<void> {
    let pid: number;
    try {
      pid = Number((await readFile(pidFile, 'utf8')).trim());
    } catch {
      return;
    }
    if (!Number.isInteger(pid) || pid <= 1) return;
    let commandLine = '';
    try {
      commandLine = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).replaceAll('\0', ' ');
    } catch {
      return;
    }
    if (!commandLine.includes('kamailio') || !commandLine.includes(configFile)) return;
    log.warn(`SIP edge: stopping Kamailio (pid ${pid}) left running by an earlier start`);
    await killGroup(pid);
  }

  async function syncTables(): Promise<void> {
    if (syncing) {
      syncAgain = true;
      return syncing;
    }
    syncing = (async () => {
      try {
        do {
          syncAgain = false;
          await syncOnce();
        } while (syncAgain);
      } finally {
        syncing = undefined;
      }
    })();
    return syncing;
  }

  async function syncOnce(): Promise<void> {
    const client = rpc;
    if (state !== 'running' || !client) return;
    const widgets = await store.calls.callWidgets();
    const want = { worigin: new Map<string, string>(), wline: new Map<string, string>() };
    for (const widget of widgets) {
      // `ops` is the operators' WebSocket path, never a widget's.
      if (!isCredentialPart(widget.key) || widget.key === 'ops' || widget.sipLine === null)
        continue;
      // The platform's own pages (the Test-widget page, the pop-out call window) may call too.
      want.worigin.set(
        widget.key,
        originsRegex([...widget.settings.allowedOrigins, env.publicUrl]),
      );
      want.wline.set(widget.key, widget.sipLine);
    }
    for (const table of ['worigin', 'wline'] as const) {
      const have = pushed[table];
      for (const [key, value] of want[table]) {
        if (have.get(key) === value) continue;
        await client.call('htable.sets', [table, key, value]);
        have.set(key, value);
      }
      for (const key of [...have.keys()]) {
        if (want[table].has(key)) continue;
        await client.call('htable.delete', [table, key]);
        have.delete(key);
      }
    }
  }

  return {
    log,
    runtimeDir,
    pidFile,
    logFile,

    status: () => ({
      state,
      message,
      pid: state === 'running' ? child?.pid : undefined,
      wsPort,
      wsBaseUrl: wsBase(),
      restarts,
    }),

    available: () => state === 'running',

    async start() {
      if (state !== 'stopped' && state !== 'unavailable') return;
      stopping = false;
      install = findKamailio(env.sipKamailio);
      if (!install.ok) {
        state = 'unavailable';
        message = install.message;
        log.warn(`SIP edge: ${install.message}`);
        return;
      }
      await mkdir(runtimeDir, { recursive: true, mode: 0o700 });
      await chmod(runtimeDir, 0o700);
      await stopLeftover();
      // One log per start of the platform, and the previous one.
      await rename(logFile, `${logFile}.1`).catch(() => undefined);
      process.once('exit', onProcessExit);
      secret = await authSecret(runtimeDir);
      edgeSecret = randomBytes(32).toString('base64url');
      wsPort = env.sipWsPort === 0 ? await freePort() : env.sipWsPort;
      internal = await startInternalServer(edgeSecret, {
        event: onEvent,
        authorize: (userId, line) => servesLine(store, userId, line),
        error: (text, error) => log.error(text, error),
      });
      attempting = attempt();
      await attempting;
      resyncTimer = setInterval(() => {
        syncTables().catch((error: unknown) => log.error('SIP edge: table sync failed', error));
      }, tuning.resyncIntervalMs);
      resyncTimer.unref();
    },

    async stop() {
      stopping = true;
      clearTimeout(restartTimer);
      clearInterval(resyncTimer);
      await attempting;
      await syncing?.catch(() => undefined);
      if (child) await kill(child);
      process.off('exit', onProcessExit);
      await rm(pidFile, { force: true });
      await internal?.close();
      internal = undefined;
      rpc = undefined;
      if (state !== 'unavailable') state = 'stopped';
    },

    wsUrl(path) {
      requireRunning();
      return `${wsBase()}/sip/${path}`;
    },

    async visitorCredential(widget, visitorId, context) {
      requireRunning();
      if (widget.sipLine === null) throw new RangeError(`widget ${widget.key} has no line`);
      // A widget created or changed in another process may not have reached the tables yet.
      if (pushed.wline.get(widget.key) !== widget.sipLine) await syncTables();
      const user = visitorUser(widget.key, visitorId);
      const credential = mintCredential(secret, user, now() + tuning.visitorTtlMs);
      await rpc?.call('htable.setxs', [
        'vctx',
        user,
        encodeContext(context),
        Math.ceil(tuning.visitorTtlMs / 1000) + 600,
      ]);
      return credential;
    },

    operatorCredential(user) {
      requireRunning();
      return mintCredential(secret, operatorUser(user.id), now() + tuning.operatorTtlMs);
    },

    mint(user, expiresAt) {
      return mintCredential(secret, user, expiresAt);
    },

    async rpc(method, params) {
      requireRunning();
      if (!rpc) throw new SipEdgeUnavailableError('The SIP edge has no RPC yet.');
      return rpc.call(method, params);
    },

    syncTables,

    widgetsChanged: () =>
      syncTables().catch((error: unknown) => log.error('SIP edge: table sync failed', error)),
  };
}
