/**
 * One phone of the network: a baresip process of its own (its `sndfile` recordings are named by
 * the second, so two calls in one process would collide), configured in its own directory,
 * driven over `ctrl_tcp`.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startChild } from '../process';
import { writeToneWav } from '../tone/wav';
import { type AnswerMode, baresipAccounts, baresipConfig } from './config';
import { connectControl, type PhoneControl } from './control';
import { type PhoneCall, type PhoneEvent, recordCallEvent, toPhoneEvent } from './events';

/** The baresip of Debian's `baresip-core`. */
export const BARESIP = '/usr/bin/baresip';

/**
 * How a number behaves when called: `auto` answers at once; `manual` rings until
 * {@link Phone.answer} or the caller gives up (a number nobody answers); `busy` rejects with 486;
 * `{ afterSeconds }` answers after that long.
 */
export type Answering = 'auto' | 'manual' | 'busy' | { afterSeconds: number };

/** A number of the network. */
export interface PhoneSpec {
  /** Its SIP user part: digits, optionally after `+`. */
  number: string;
  /** Default `auto`. */
  answer?: Answering;
  /** The From display name of its calls. */
  displayName?: string;
  /** The tone it plays into every call (default: one of its own, set by the network). */
  toneHz?: number;
  /** Digest credentials for calls through the carrier (one of its trunks). */
  credentials?: { username: string; password: string };
}

/** Where and how a phone runs. */
export interface PhoneOptions {
  spec: PhoneSpec;
  toneHz: number;
  /** How long its tone lasts: baresip 1.0 ends a call when its `aufile` ends. */
  toneSeconds: number;
  host: string;
  sipPort: number;
  controlPort: number;
  /** Its own directory (config, tone, recordings, log, PID file). */
  dir: string;
  log: (line: string) => void;
}

/** A running phone. */
export interface Phone {
  number: string;
  /** Its own address, `sip:<number>@host:port` (to call it directly, not through the carrier). */
  uri: string;
  toneHz: number;
  dir: string;
  pid: number;
  /** Places a call to `uri`. */
  dial(uri: string): Promise<void>;
  /** Picks up the ringing call. */
  answer(): Promise<void>;
  /** Ends (or rejects, or cancels) the current call. */
  hangup(): Promise<void>;
  /** Every event so far, oldest first. */
  readonly events: readonly PhoneEvent[];
  /** Calls `listener` with each event from now on; returns its removal. */
  onEvent(listener: (event: PhoneEvent) => void): () => void;
  /**
   * The next event of `type` after the last one an earlier `waitFor` returned (whatever its type),
   * including events that came before this call. Rejects after `timeoutMs`, naming what came.
   */
  waitFor(type: string, timeoutMs?: number): Promise<PhoneEvent>;
  /** Its calls so far, oldest first. */
  readonly calls: readonly PhoneCall[];
  /** Its recordings of what it heard, oldest first (one per call). */
  recordings(): Promise<string[]>;
  /** The newest recording of what it heard, if any. */
  lastRecording(): Promise<string | undefined>;
  stop(): Promise<void>;
}

function answerMode(answering: Answering): AnswerMode {
  return answering === 'auto' ? 'auto' : 'manual';
}

/** Starts one phone; resolves once it takes commands. */
export async function startPhone(options: PhoneOptions): Promise<Phone> {
  if (!existsSync(BARESIP)) {
    throw new Error(`baresip is not installed (${BARESIP}): apt-get install baresip-core`);
  }
  const { spec, dir, host } = options;
  const answering = spec.answer ?? 'auto';
  const recordingDir = join(dir, 'recordings');
  const toneFile = join(dir, `tone-${options.toneHz}.wav`);
  await mkdir(recordingDir, { recursive: true });
  await writeToneWav(toneFile, options.toneHz, options.toneSeconds);
  const values = {
    number: spec.number,
    displayName: spec.displayName,
    host,
    sipPort: options.sipPort,
    controlPort: options.controlPort,
    answerMode: answerMode(answering),
    toneFile,
    recordingDir,
    credentials: spec.credentials,
    ringSeconds: 600,
  };
  await writeFile(join(dir, 'config'), baresipConfig(values));
  await writeFile(join(dir, 'accounts'), baresipAccounts(values), { mode: 0o600 });

  const child = await startChild({
    name: `phone ${spec.number}`,
    command: BARESIP,
    args: ['-f', dir],
    cwd: dir,
    logFile: join(dir, 'baresip.log'),
    pidFile: join(dir, 'baresip.pid'),
  });
  const events: PhoneEvent[] = [];
  const calls: PhoneCall[] = [];
  const listeners = new Set<(event: PhoneEvent) => void>();
  let cursor = 0;
  let answerTimer: NodeJS.Timeout | undefined;
  let control: PhoneControl | undefined;
  let stopping = false;

  const behave = (event: PhoneEvent) => {
    if (event.type === 'CALL_INCOMING') {
      // Failures are logged by run(); the caller sees the call go on ringing.
      if (answering === 'busy') run('hangup').catch(() => undefined);
      if (typeof answering === 'object') {
        answerTimer = setTimeout(
          () => run('accept').catch(() => undefined),
          answering.afterSeconds * 1000,
        );
      }
    }
    if (event.type === 'CALL_CLOSED') clearTimeout(answerTimer);
  };
  const run = async (command: string, params?: string) => {
    if (!control) throw new Error(`phone ${spec.number} is not running`);
    try {
      await control.command(command, params);
    } catch (error) {
      options.log(`phone ${spec.number}: ${command} failed: ${(error as Error).message}`);
      throw error;
    }
  };

  try {
    await child.waitForLine(/baresip is ready/, 10_000);
    control = await connectControl(host, options.controlPort, (raw) => {
      const event = toPhoneEvent(raw);
      events.push(event);
      recordCallEvent(calls, event);
      behave(event);
      for (const listener of listeners) listener(event);
    });
  } catch (error) {
    await child.stop();
    throw error;
  }
  void child.exited.then((how) => {
    clearTimeout(answerTimer);
    if (!stopping) options.log(`phone ${spec.number} exited (${how}): ${child.tail()}`);
  });

  const recordings = async () =>
    (await readdir(recordingDir))
      .filter((name) => name.endsWith('-dec.wav'))
      .sort()
      .map((name) => join(recordingDir, name));

  return {
    number: spec.number,
    uri: `sip:${spec.number}@${host}:${options.sipPort}`,
    toneHz: options.toneHz,
    dir,
    pid: child.pid,
    dial: (uri) => run('dial', uri),
    answer: () => run('accept'),
    hangup: () => run('hangup'),
    events,
    calls,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    waitFor(type, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const take = (from: number) => {
          const index = events.findIndex((event, i) => i >= from && event.type === type);
          if (index === -1) return false;
          cursor = index + 1;
          resolve(events[index] as PhoneEvent);
          return true;
        };
        if (take(cursor)) return;
        const timer = setTimeout(() => {
          remove();
          const seen = events.slice(cursor).map((event) => event.type);
          reject(
            new Error(
              `phone ${spec.number}: no ${type} within ${timeoutMs} ms (since then: ${seen.join(', ') || 'nothing'})`,
            ),
          );
        }, timeoutMs);
        const listener = () => {
          if (!take(cursor)) return;
          clearTimeout(timer);
          remove();
        };
        listeners.add(listener);
        const remove = () => listeners.delete(listener);
      });
    },
    recordings,
    async lastRecording() {
      return (await recordings()).at(-1);
    },
    async stop() {
      stopping = true;
      clearTimeout(answerTimer);
      control?.close();
      await child.stop();
    },
  };
}
