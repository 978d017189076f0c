/**
 * "The carrier": a second Kamailio (Debian's), with its own config, runtime directory and PID
 * file, on loopback, that routes `sip:<number>@carrier` to the phones and lets trunks in only
 * with digest auth. It can be stopped and started again, or told to answer 503 (a trunk that is
 * down), and it tells which caller id each INVITE presented.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type RunningChild, startChild } from '../process';
import { carrierConfig } from './config';
import { findKamailio } from './install';
import { type CarrierRpc, carrierRpc } from './rpc';
import { makeCarrierTls } from './tls';

/** A trunk's account at the carrier. */
export interface TrunkAccount {
  username: string;
  password: string;
}

/** How the carrier behaves. */
export interface CarrierOptions {
  /** Who may register and call through it. */
  trunks?: TrunkAccount[];
  /** The realm of its challenges (what a trunk's credentials are for). Default `phone-network`. */
  realm?: string;
  /** How long a number may ring before the caller gets 408. Default 120 s. */
  ringTimeoutSeconds?: number;
  /** Kamailio's log level (1 notices, 2 info, 3 debug). Default 1. */
  logLevel?: number;
}

/** What an INVITE that passed auth presented (values as sent, `''` when absent). */
export interface CarrierInvite {
  /** Order of arrival since the carrier's last start, from 1. */
  seq: number;
  /** The trunk (digest username) it came from. */
  trunk: string;
  /** The number it called. */
  number: string;
  /** The caller id in From. */
  fromUri: string;
  fromName: string;
  /** The P-Asserted-Identity header, as sent. */
  assertedIdentity: string;
  /** The SIP Call-ID (baresip's call id in the phones' events). */
  callId: string;
}

/** The running carrier. */
export interface Carrier {
  host: string;
  /** Its SIP port (UDP and TCP). */
  port: number;
  /** Its TLS port, and the CA file a trunk must trust for it. */
  tls: { port: number; caFile: string };
  realm: string;
  /** `sip:<number>@host:port`: how to call a number through the carrier. */
  uri(number: string): string;
  /** Whether its Kamailio runs. */
  running(): boolean;
  /** Starts it again after {@link stop} (its trunks and routes kept, its INVITE record not). */
  start(): Promise<void>;
  /** Stops its Kamailio by PID: requests to it are then refused by the system. */
  stop(): Promise<void>;
  /** While `true`, it answers every request 503 Service Unavailable. */
  setDown(down: boolean): Promise<void>;
  addTrunk(trunk: TrunkAccount): Promise<void>;
  /** Routes `number` to `address` (`host:port`). */
  route(number: string, address: string): Promise<void>;
  /** The INVITEs that passed auth since its last start, in order. */
  invites(): Promise<CarrierInvite[]>;
  /** Whether trunk `username` is registered now. */
  registered(username: string): Promise<boolean>;
  /** Its RPC, for anything else. */
  rpc: CarrierRpc;
}

/** Where and how the carrier runs. */
export interface CarrierStart {
  options: CarrierOptions;
  host: string;
  sipPort: number;
  tlsPort: number;
  rpcPort: number;
  /** Its runtime directory (config, PID file, log). */
  dir: string;
  /** Number → `host:port` of its phone. */
  routes: ReadonlyMap<string, string>;
  log: (line: string) => void;
}

const INVITE_FIELDS = ['trunk', 'number', 'fromUri', 'fromName', 'assertedIdentity', 'callId'];

/** One value of `htable.dump invites` (JSON with base64 values) as a {@link CarrierInvite}. */
export function parseInvite(value: string): CarrierInvite {
  const raw = JSON.parse(value) as Record<string, string | number>;
  const decoded = Object.fromEntries(
    INVITE_FIELDS.map((field) => [
      field,
      Buffer.from(String(raw[field] ?? ''), 'base64').toString('utf8'),
    ]),
  );
  return { seq: Number(raw.seq), ...decoded } as CarrierInvite;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Starts the carrier; resolves once it answers RPC with its tables filled. */
export async function startCarrier(start: CarrierStart): Promise<Carrier> {
  const install = findKamailio();
  const { host, sipPort, tlsPort, rpcPort, dir, log } = start;
  const realm = start.options.realm ?? 'phone-network';
  const trunks = new Map((start.options.trunks ?? []).map((t) => [t.username, t.password]));
  const routes = new Map(start.routes);
  let down = false;
  const rpcSecret = randomBytes(24).toString('base64url');
  const rpc = carrierRpc(host, rpcPort, rpcSecret);
  const configFile = join(dir, 'kamailio.cfg');
  const pidFile = join(dir, 'kamailio.pid');
  const logFile = join(dir, 'kamailio.log');
  let child: RunningChild | undefined;
  let stopping = false;

  await mkdir(dir, { recursive: true, mode: 0o700 });
  const tls = await makeCarrierTls(dir, host);
  const tlsConfig = join(dir, 'tls.cfg');
  await writeFile(
    tlsConfig,
    `[server:default]\nmethod = TLSv1.2+\ncertificate = ${tls.certificate}\nprivate_key = ${tls.privateKey}\nverify_certificate = no\nrequire_certificate = no\n`,
    { mode: 0o600 },
  );
  await writeFile(
    configFile,
    await carrierConfig({
      host,
      sipPort,
      tlsPort,
      tlsConfig,
      rpcPort,
      rpcSecret,
      realm,
      ringTimeoutMs: (start.options.ringTimeoutSeconds ?? 120) * 1000,
      logLevel: start.options.logLevel ?? 1,
    }),
    { mode: 0o600 },
  );

  async function launch(): Promise<void> {
    // One log per start, and the one before.
    await rename(logFile, `${logFile}.1`).catch(() => undefined);
    await rm(pidFile, { force: true });
    stopping = false;
    // -DD: foreground (we supervise it); -E: log to stderr, which goes to kamailio.log.
    const running = await startChild({
      name: 'carrier',
      command: install.binary,
      args: ['-DD', '-E', '-f', configFile, '-P', pidFile, '-Y', dir, '-L', install.modulesDir],
      cwd: dir,
      logFile,
    });
    child = running;
    void running.exited.then((how) => {
      if (!stopping) log(`carrier exited (${how}): ${running.tail()}`);
    });
    const deadline = Date.now() + 15_000;
    for (;;) {
      if (running.hasExited()) throw new Error(`the carrier exited at start: ${running.tail()}`);
      try {
        await rpc('core.version');
        break;
      } catch (error) {
        if (Date.now() > deadline) {
          await running.stop();
          throw new Error(`the carrier did not answer within 15 s: ${(error as Error).message}`);
        }
        await delay(100);
      }
    }
    await rpc('htable.seti', ['state', 'seq', 0]);
    await rpc('htable.seti', ['state', 'down', down ? 1 : 0]);
    for (const [username, password] of trunks)
      await rpc('htable.sets', ['trunks', username, password]);
    for (const [number, address] of routes) await rpc('htable.sets', ['routes', number, address]);
  }

  await launch();
  log(
    `carrier: sip:${host}:${sipPort} (UDP, TCP), TLS on ${tlsPort}, realm ${realm}, pid ${child?.pid}`,
  );

  const isRunning = () => child !== undefined && !child.hasExited();
  /** Changes a table now if the carrier runs; kept either way for its next start. */
  const push = async (method: string, params: (string | number)[]) => {
    if (isRunning()) await rpc(method, params);
  };

  return {
    host,
    port: sipPort,
    tls: { port: tlsPort, caFile: tls.caFile },
    realm,
    rpc,
    uri: (number) => `sip:${number}@${host}:${sipPort}`,
    running: isRunning,
    async start() {
      if (!isRunning()) await launch();
    },
    async stop() {
      stopping = true;
      await child?.stop();
    },
    async setDown(value) {
      down = value;
      await push('htable.seti', ['state', 'down', value ? 1 : 0]);
    },
    async addTrunk(trunk) {
      trunks.set(trunk.username, trunk.password);
      await push('htable.sets', ['trunks', trunk.username, trunk.password]);
    },
    async route(number, address) {
      routes.set(number, address);
      await push('htable.sets', ['routes', number, address]);
    },
    async invites() {
      const dump = (await rpc('htable.dump', ['invites'])) as {
        slot?: { value?: unknown }[];
      }[];
      return dump
        .flatMap((entry) => entry.slot ?? [])
        .map((item) => parseInvite(String(item.value)))
        .sort((a, b) => a.seq - b.seq);
    },
    async registered(username) {
      try {
        await rpc('ul.lookup', ['location', username]);
        return true;
      } catch (error) {
        if (/AOR not found/.test((error as Error).message)) return false;
        throw error;
      }
    },
  };
}
