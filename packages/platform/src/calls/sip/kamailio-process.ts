/**
 * Kamailio as the edge runs it: `kamailio -DD -E` (foreground, log to stderr, captured into
 * kamailio.log) with the config rendered for this start into the runtime directory, its PID file
 * there, supervised like every program of the edge (supervisor.ts). Ready once it answers RPC.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EdgeLogger } from './edge-log';
import type { KamailioInstall } from './install';
import { delay, freePort } from './process-group';
import { type KamailioRpc, kamailioRpc } from './rpc';
import { type SupervisedProgram, superviseProgram } from './supervisor';

/** What {@link kamailioProgram} needs. */
export interface KamailioProgramOptions {
  install: Extract<KamailioInstall, { ok: true }>;
  runtimeDir: string;
  /** Sent with every RPC request. */
  edgeSecret: string;
  /**
   * The config of one start, whose RPC listener is on `rpcPort`. `portTaken`: the last start
   * failed because a port it was to listen on was in use (picked free, then taken by another
   * program before Kamailio bound it): ports picked by the edge are to be picked again.
   */
  config(rpcPort: number, portTaken: boolean): Promise<string>;
  /** After every start, once Kamailio answers RPC (tables to load). */
  started(): Promise<void>;
  backoffMs: readonly [number, number];
  log: EdgeLogger;
  /** Every line of Kamailio's output. */
  onLine?(line: string): void;
}

/** Kamailio supervised, with the RPC of the running one. */
export interface KamailioProgram extends SupervisedProgram {
  /** The RPC client of the Kamailio started last. */
  rpc(): KamailioRpc | undefined;
  pidFile: string;
  logFile: string;
  configFile: string;
}

/** Kamailio of the edge (nothing runs until start()). */
export function kamailioProgram(options: KamailioProgramOptions): KamailioProgram {
  const { install, runtimeDir } = options;
  const pidFile = join(runtimeDir, 'kamailio.pid');
  const logFile = join(runtimeDir, 'kamailio.log');
  const configFile = join(runtimeDir, 'kamailio.cfg');
  let rpc: KamailioRpc | undefined;
  let portTaken = false;

  const program = superviseProgram({
    name: 'Kamailio',
    program: 'kamailio',
    pidFile,
    logFile,
    marker: configFile,
    backoffMs: options.backoffMs,
    log: options.log,
    // Kamailio reports its children's exits as ALERTs.
    warnOn: /\b(ERROR|CRITICAL|ALERT|BUG)\b/,
    onLine(line) {
      // Kamailio's bind failure: `bind(…) on 127.0.0.1:35817 : Address already in use`.
      if (line.includes('Address already in use')) portTaken = true;
      options.onLine?.(line);
    },
    async prepare() {
      const rpcPort = await freePort();
      rpc = kamailioRpc(rpcPort, options.edgeSecret);
      const config = await options.config(rpcPort, portTaken);
      portTaken = false;
      await writeFile(configFile, config, { mode: 0o600 });
      return {
        binary: install.binary,
        // -DD: stay in the foreground (the platform supervises it); -E: log to stderr.
        args: [
          '-DD',
          '-E',
          '-f',
          configFile,
          '-P',
          pidFile,
          '-Y',
          runtimeDir,
          '-L',
          install.modulesDir,
          '-w',
          runtimeDir,
          // TLSF, not the default first-fit allocator: the tls module parses the CA list (the
          // system's: ~150 certificates) into shared memory, which first-fit takes minutes over.
          '-x',
          'tlsf',
          '-m',
          '64',
          '-M',
          '8',
        ],
        cwd: runtimeDir,
      };
    },
    async ready(exited) {
      const deadline = Date.now() + 15_000;
      for (;;) {
        if (exited()) throw new Error('exited');
        try {
          await rpc?.call('core.version');
          return;
        } catch {
          if (Date.now() > deadline) throw new Error('did not answer within 15 s');
          await delay(100);
        }
      }
    },
    started: options.started,
  });
  return { ...program, rpc: () => rpc, pidFile, logFile, configFile };
}
