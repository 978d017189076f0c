/**
 * rtpengine, the media relay beside Kamailio (Debian's `rtpengine-daemon`, userspace only: no
 * kernel table), run by the edge like Kamailio: in the foreground, on the given interface only,
 * its control port (ng) on loopback, its PID file and log in the runtime directory, supervised
 * (supervisor.ts). Kamailio's rtpengine module drives it; ready once it answers an ng `ping`.
 */
import { join } from 'node:path';
import type { EdgeLogger } from './edge-log';
import { delay } from './process-group';
import { ngCommand } from './rtpengine-ng';
import { type SupervisedProgram, superviseProgram } from './supervisor';

/** What {@link rtpengineProgram} needs. */
export interface RtpengineProgramOptions {
  binary: string;
  runtimeDir: string;
  /** Its ng control port on 127.0.0.1 (UDP), fixed for the edge's life so Kamailio keeps it. */
  ngPort: number;
  /** The address media flows through (browsers and trunks must reach it). */
  address: string;
  /** The UDP ports it may open for media. */
  ports: readonly [number, number];
  /** Its log level (syslog's: 5 notices, 6 info, 7 debug). */
  logLevel: number;
  /** After every start, once it answers (tell Kamailio it is back). */
  started(): Promise<void>;
  backoffMs: readonly [number, number];
  log: EdgeLogger;
}

/** rtpengine supervised. */
export interface RtpengineProgram extends SupervisedProgram {
  pidFile: string;
  logFile: string;
  ngPort: number;
}

/** rtpengine of the edge (nothing runs until start()). */
export function rtpengineProgram(options: RtpengineProgramOptions): RtpengineProgram {
  const { runtimeDir, ngPort } = options;
  const pidFile = join(runtimeDir, 'rtpengine.pid');
  const logFile = join(runtimeDir, 'rtpengine.log');
  const program = superviseProgram({
    name: 'rtpengine',
    program: 'rtpengine',
    pidFile,
    logFile,
    marker: pidFile,
    backoffMs: options.backoffMs,
    log: options.log,
    // Not "SRTP output wanted, but no crypto suite was negotiated": a phone sends audio as soon as
    // it answers, before the browser's DTLS handshake ends; those first packets are dropped.
    warnOn: /\b(ERR|CRIT|ALERT|EMERG):(?!.*no crypto suite was negotiated)/,
    async prepare() {
      return {
        binary: options.binary,
        args: [
          // Nothing from /etc/rtpengine: every setting is here.
          '--config-file=none',
          // Userspace forwarding only: no kernel module, no iptables rules.
          '--table=-1',
          `--interface=${options.address}`,
          `--listen-ng=127.0.0.1:${ngPort}`,
          `--port-min=${options.ports[0]}`,
          `--port-max=${options.ports[1]}`,
          `--log-level=${options.logLevel}`,
          // Browsers take the DTLS client's part: an active rtpengine would greet a browser with
          // its ClientHello while the browser still waits for the answer, and the handshake stalls.
          '--dtls-passive',
          '--foreground',
          '--log-stderr',
          `--pidfile=${pidFile}`,
        ],
        cwd: runtimeDir,
      };
    },
    async ready(exited) {
      const deadline = Date.now() + 15_000;
      for (;;) {
        if (exited()) throw new Error('exited');
        try {
          const answer = await ngCommand(ngPort, { command: 'ping' }, 300);
          if (answer.result === 'pong') return;
        } catch {
          // Not listening yet.
        }
        if (Date.now() > deadline) throw new Error('did not answer within 15 s');
        await delay(100);
      }
    },
    started: options.started,
  });
  return { ...program, pidFile, logFile, ngPort };
}
