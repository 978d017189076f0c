/**
 * One program of the SIP edge (Kamailio, rtpengine) run in the foreground as a child of the
 * platform, in a process group of its own, its output appended to its log file: started,
 * restarted with backoff when it dies (0.5 s doubling to 30 s, from the shortest again after a
 * minute of running), and stopped by its PID, the whole group, waiting until it is gone.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { EdgeLogger } from './edge-log';
import { killGroup, leftoverPid } from './process-group';

/** Where a supervised program stands. */
export type ProgramState = 'stopped' | 'starting' | 'running' | 'restarting';

/** How to run the program once. */
export interface Launch {
  binary: string;
  args: string[];
  cwd: string;
}

/** What {@link superviseProgram} runs, and how it knows the program works. */
export interface SupervisorOptions {
  /** For messages: `Kamailio`, `rtpengine`. */
  name: string;
  /** The program's name in its command line (`kamailio`), to recognise one left running. */
  program: string;
  /** Writes what the program reads (its config) and says how to run it; before every start. */
  prepare(): Promise<Launch>;
  /**
   * Resolves once the started program answers; rejects when it does not within its time.
   * `exited()` tells whether it is gone already (then there is no point waiting).
   */
  ready(exited: () => boolean): Promise<void>;
  /** After every start, once ready (tables to load); a failure counts as a failed start. */
  started?(): Promise<void>;
  /** The PID file the program writes (checked at start for one left running by a killed platform). */
  pidFile: string;
  logFile: string;
  /** Text in the command line of this edge's program (its config or runtime path). */
  marker: string;
  backoffMs: readonly [number, number];
  /** Output lines worth a warning in the platform's log. */
  warnOn: RegExp;
  /** Every output line (Kamailio's registration failures are told only there). */
  onLine?(line: string): void;
  log: EdgeLogger;
}

/** A supervised program. */
export interface SupervisedProgram {
  state(): ProgramState;
  /** Its main process while running. */
  pid(): number | undefined;
  /** How many times it was started again after dying or failing to start. */
  restarts(): number;
  /** What went wrong last, until the next good start. */
  message(): string | undefined;
  /** Stops one left by an earlier run, then starts it; resolves after the first attempt. */
  start(): Promise<void>;
  /** Stops it (its whole group, by PID) and removes its PID file; no restart follows. */
  stop(): Promise<void>;
}

/** Supervises the program `options` describe (nothing runs until start()). */
export function superviseProgram(options: SupervisorOptions): SupervisedProgram {
  const { name, log } = options;
  let state: ProgramState = 'stopped';
  let message: string | undefined;
  let restarts = 0;
  let child: ChildProcess | undefined;
  let childExited: Promise<void> | undefined;
  let logStream: WriteStream | undefined;
  let recent: string[] = [];
  let stopping = false;
  let restartTimer: NodeJS.Timeout | undefined;
  let backoff = options.backoffMs[0];
  let startedAt = 0;
  /** The start attempt in progress, which stop() waits for. */
  let attempting: Promise<void> | undefined;
  const outlived = (pgid: number) =>
    log.error(`SIP edge: ${name} processes of group ${pgid} outlived SIGKILL`);
  /** If the platform exits without stop() (a crash), the program must not outlive it. */
  const onProcessExit = () => {
    if (child?.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // Gone already.
    }
  };

  const tail = (lines: number) => recent.slice(-lines).join(' | ');

  function remember(line: string): void {
    recent.push(line);
    if (recent.length > 40) recent = recent.slice(-40);
    // Programs report their children's exits as errors: expected while stopping them.
    if (!stopping && options.warnOn.test(line)) log.warn(`${name}: ${line}`);
    options.onLine?.(line);
  }

  function capture(stream: NodeJS.ReadableStream | null): void {
    if (!stream) return;
    let rest = '';
    stream.on('data', (chunk: Buffer) => {
      logStream?.write(chunk);
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) if (line.trim() !== '') remember(line.trim());
    });
  }

  /** Stops `proc`: its whole process group, by its PID; resolves when all are gone. */
  async function kill(proc: ChildProcess): Promise<void> {
    await killGroup(proc.pid, outlived);
    if (child === proc) await childExited;
  }

  /** Runs the program once; resolves when it answers, rejects when it exits or hangs first. */
  async function launch(): Promise<void> {
    const { binary, args, cwd } = await options.prepare();
    await rm(options.pidFile, { force: true });
    logStream = createWriteStream(options.logFile, { flags: 'a', mode: 0o600 });
    recent = [];
    const proc = spawn(binary, args, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    child = proc;
    capture(proc.stdout);
    capture(proc.stderr);
    let exited = false;
    childExited = new Promise<void>((resolve) => {
      const gone = (code: number | null, signal: NodeJS.Signals | null) => {
        if (exited) return;
        exited = true;
        logStream?.end();
        if (child === proc) child = undefined;
        resolve();
        onExit(proc, code, signal);
      };
      proc.once('exit', gone);
      proc.once('error', (error) => {
        remember(`cannot run ${binary}: ${error.message}`);
        gone(null, null);
      });
    });
    try {
      await options.ready(() => exited);
    } catch (error) {
      const why = exited ? 'exited at start' : (error as Error).message;
      // What its main process forked may still hold the sockets.
      await kill(proc);
      throw new Error(`${name} ${why}: ${tail(8)}`);
    }
    if (stopping) throw new Error('the platform is stopping');
  }

  function onExit(proc: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (stopping || state === 'starting') return;
    const how = signal ? `signal ${signal}` : `code ${code}`;
    message = `${name} (pid ${proc.pid}) exited with ${how}: ${tail(5)}`;
    log.error(`SIP edge: ${message}; restarting`);
    state = 'restarting';
    // Children of a main process that died hold its sockets: end them before starting anew.
    void killGroup(proc.pid, outlived).then(scheduleRestart);
  }

  function scheduleRestart(): void {
    if (stopping) return;
    state = 'restarting';
    // A program that ran a good while starts over from the shortest wait.
    if (startedAt && Date.now() - startedAt > 60_000) backoff = options.backoffMs[0];
    const wait = backoff;
    backoff = Math.min(backoff * 2, options.backoffMs[1]);
    clearTimeout(restartTimer);
    restartTimer = setTimeout(() => {
      restarts++;
      attempting = attempt();
    }, wait);
    restartTimer.unref();
  }

  /** One start with what follows it; schedules the next on failure. */
  async function attempt(): Promise<void> {
    if (stopping) return;
    state = 'starting';
    try {
      await launch();
      state = 'running';
      startedAt = Date.now();
      await options.started?.();
      message = undefined;
      log.info(`SIP edge: ${name} running (pid ${child?.pid})`);
    } catch (error) {
      if (stopping) return;
      message = `${name} did not start: ${error instanceof Error ? error.message : String(error)}`;
      log.error(`SIP edge: ${message}`);
      if (child) await kill(child);
      scheduleRestart();
    }
  }

  return {
    state: () => state,
    pid: () => (state === 'running' ? child?.pid : undefined),
    restarts: () => restarts,
    message: () => message,

    async start() {
      if (state !== 'stopped') return;
      stopping = false;
      const leftover = await leftoverPid(options.pidFile, options.program, options.marker);
      if (leftover !== undefined) {
        log.warn(`SIP edge: stopping ${name} (pid ${leftover}) left running by an earlier start`);
        await killGroup(leftover, outlived);
      }
      // One log per start of the platform, and the previous one.
      await rename(options.logFile, `${options.logFile}.1`).catch(() => undefined);
      process.once('exit', onProcessExit);
      attempting = attempt();
      await attempting;
    },

    async stop() {
      stopping = true;
      clearTimeout(restartTimer);
      await attempting;
      if (child) await kill(child);
      process.off('exit', onProcessExit);
      await rm(options.pidFile, { force: true });
      state = 'stopped';
    },
  };
}
