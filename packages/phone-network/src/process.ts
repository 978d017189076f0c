/**
 * A program of the network (a baresip phone, the carrier's Kamailio) run as a child in a process
 * group of its own, its output appended to a log file, its PID in a PID file, stopped by that
 * PID: the whole group, so nothing it forked outlives it, not even when this process dies first.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { stripVTControlCharacters } from 'node:util';

/** What to run. */
export interface ChildSpec {
  /** For messages: `phone 1001`, `carrier`. */
  name: string;
  command: string;
  args: string[];
  cwd: string;
  /** Output (stdout and stderr) is appended here. */
  logFile: string;
  /** Written with the child's PID; left out for a program that writes its own (Kamailio's `-P`). */
  pidFile?: string;
}

/** A running child. */
export interface RunningChild {
  pid: number;
  /** Resolves when the child exited, with how. */
  exited: Promise<string>;
  /** Whether it has exited. */
  hasExited(): boolean;
  /** Resolves with the first line of output matching `pattern`; rejects if it exits first. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<string>;
  /** The last lines of its output, for error messages. */
  tail(): string;
  /** SIGTERM to its group, SIGKILL after `graceMs`; resolves once the child is gone. */
  stop(graceMs?: number): Promise<void>;
}

const live = new Set<number>();
let exitHookInstalled = false;

/** Children must not outlive a test run or a CLI that crashed. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const pid of live) signalGroup(pid, 'SIGKILL');
  });
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Gone already.
  }
}

/** Starts `spec`; resolves once it is spawned (not yet ready: see {@link RunningChild.waitForLine}). */
export async function startChild(spec: ChildSpec): Promise<RunningChild> {
  installExitHook();
  const log = createWriteStream(spec.logFile, { flags: 'a' });
  const child: ChildProcess = spawn(spec.command, spec.args, {
    cwd: spec.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let recent: string[] = [];
  const lineWaiters = new Set<(line: string) => void>();
  let rest = '';
  const onOutput = (chunk: Buffer) => {
    // The pipes may still hold output after 'exit' (or after a spawn error ended the log).
    if (!log.writableEnded) log.write(chunk);
    const lines = (rest + chunk.toString('utf8')).split('\n');
    rest = lines.pop() ?? '';
    for (const raw of lines) {
      // baresip colours its errors.
      const line = stripVTControlCharacters(raw).trim();
      if (line === '') continue;
      recent.push(line);
      if (recent.length > 30) recent = recent.slice(-30);
      for (const waiter of lineWaiters) waiter(line);
    }
  };
  child.stdout?.on('data', onOutput);
  child.stderr?.on('data', onOutput);
  // 'close' comes once the pipes are drained, unlike 'exit': the log ends after the last output.
  child.once('close', () => log.end());

  let exitedFlag = false;
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => {
      exitedFlag = true;
      if (child.pid !== undefined) live.delete(child.pid);
      resolve(signal ? `signal ${signal}` : `code ${code}`);
    });
    child.once('error', (error) => {
      exitedFlag = true;
      log.end();
      resolve(`error ${error.message}`);
    });
  });
  const pid = await new Promise<number>((resolve, reject) => {
    child.once('spawn', () => resolve(child.pid ?? 0));
    child.once('error', (error) =>
      reject(new Error(`${spec.name}: cannot run ${spec.command}: ${error.message}`)),
    );
  });
  live.add(pid);
  if (spec.pidFile !== undefined) await writeFile(spec.pidFile, `${pid}\n`);
  const tail = () => recent.slice(-8).join(' | ');

  return {
    pid,
    exited,
    hasExited: () => exitedFlag,
    tail,
    waitForLine(pattern, timeoutMs) {
      const seen = recent.find((line) => pattern.test(line));
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const done = () => {
          lineWaiters.delete(waiter);
          clearTimeout(timer);
        };
        const waiter = (line: string) => {
          if (!pattern.test(line)) return;
          done();
          resolve(line);
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`${spec.name} did not start within ${timeoutMs} ms: ${tail()}`));
        }, timeoutMs);
        lineWaiters.add(waiter);
        void exited.then((how) => {
          if (!lineWaiters.has(waiter)) return;
          done();
          reject(new Error(`${spec.name} exited (${how}) at start: ${tail()}`));
        });
      });
    },
    async stop(graceMs = 5_000) {
      if (!exitedFlag) {
        signalGroup(pid, 'SIGTERM');
        const late = setTimeout(() => signalGroup(pid, 'SIGKILL'), graceMs);
        await exited;
        clearTimeout(late);
      }
      // What it forked (Kamailio's workers) goes with it.
      signalGroup(pid, 'SIGKILL');
      if (spec.pidFile !== undefined) await rm(spec.pidFile, { force: true });
    },
  };
}
