/**
 * The SIP edge of the platform process that has SIP_EDGE=1: Kamailio (kamailio-process.ts) and
 * the media relay rtpengine (rtpengine-process.ts) from Debian, both on loopback by default, each
 * started, supervised (restarted with backoff when it dies) and stopped by its PID, with their
 * configs, PID files and logs in the edge's runtime directory (DATA_DIR/sip). The edge keeps
 * Kamailio's tables (allowed origins and line of every call widget) current over Kamailio's RPC,
 * mints the ephemeral credentials Kamailio checks, and receives Kamailio's call events on a
 * loopback listener of its own.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import * as v from 'valibot';
import { authSecret } from './auth-secret';
import { kamailioConfig, subnetList } from './config';
import { mintCredential, operatorUser, visitorUser } from './credentials';
import { prepareDialogTables } from './dialog-files';
import {
  type SipEdge,
  type SipEdgeOptions,
  type SipEdgeState,
  SipEdgeUnavailableError,
} from './edge-types';
import { applyCallEvent, CallEventSchema, encodeContext } from './events';
import { callPlan } from './forwarding';
import { findKamailio, findRtpengine } from './install';
import { type InternalServer, startInternalServer } from './internal-server';
import { type KamailioProgram, kamailioProgram } from './kamailio-process';
import { kamailioTables } from './kamailio-tables';
import { servesLine } from './lines';
import { endLostCalls } from './lost-calls';
import { freePort, freeUdpPort } from './process-group';
import { registrationTracker } from './registrations';
import { type RtpengineProgram, rtpengineProgram } from './rtpengine-process';
import { type ControllerPorts, thirdPartyCall } from './third-party-call';
import { edgeCertificate, writeTlsConfig } from './tls-files';
import { DEFAULT_TUNING, type SipEdgeTuning } from './tuning';

/** Creates the edge of this process (nothing runs until {@link SipEdge.start}). */
export function createSipEdge(options: SipEdgeOptions): SipEdge {
  const { env, store, log } = options;
  const now = options.now ?? Date.now;
  const pickPort = options.pickPort ?? freePort;
  const tuning: SipEdgeTuning = { ...DEFAULT_TUNING, ...options.tuning };
  // A wrong list stops the platform here, not every start of Kamailio later.
  subnetList(options.trustedProxies ?? []);
  const runtimeDir = join(env.dataDir, 'sip');

  let unavailable: string | undefined;
  let stopped = true;
  let internal: InternalServer | undefined;
  let kamailio: KamailioProgram | undefined;
  let media: RtpengineProgram | undefined;
  let wsPort: number | undefined;
  let secret = '';
  /** The callback controller's way into Kamailio's loop and rtpengine (set at start). */
  let controllerPorts: Omit<ControllerPorts, 'now'> | undefined;
  let resyncTimer: NodeJS.Timeout | undefined;
  let trunkPort = env.sipTrunkPort;
  let trunkTlsPort = env.sipTrunkTlsPort;
  const registrations = registrationTracker();
  const tables = kamailioTables({
    store,
    env,
    rpc: () => (kamailio?.state() === 'running' ? kamailio.rpc() : undefined),
    runtimeDir,
    trunkSockets: () => ({
      udp: `udp:${env.sipTrunkAddress}:${trunkPort}`,
      tcp: `tcp:${env.sipTrunkAddress}:${trunkPort}`,
      tls: `tls:${env.sipTrunkAddress}:${trunkTlsPort}`,
    }),
  });

  const wsBase = () => env.sipWsUrl ?? (wsPort ? `ws://127.0.0.1:${wsPort}` : undefined);
  const state = (): SipEdgeState =>
    unavailable !== undefined
      ? 'unavailable'
      : stopped
        ? 'stopped'
        : (kamailio?.state() ?? 'stopped');

  function requireRunning(): void {
    if (state() !== 'running') {
      throw new SipEdgeUnavailableError(
        unavailable ?? kamailio?.message() ?? `The SIP edge is ${state()}.`,
      );
    }
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

  return {
    log,
    runtimeDir,
    pidFile: join(runtimeDir, 'kamailio.pid'),
    logFile: join(runtimeDir, 'kamailio.log'),
    mediaPidFile: join(runtimeDir, 'rtpengine.pid'),
    mediaLogFile: join(runtimeDir, 'rtpengine.log'),

    status: () => ({
      state: state(),
      message: unavailable ?? kamailio?.message(),
      pid: kamailio?.pid(),
      wsPort,
      wsBaseUrl: wsBase(),
      restarts: kamailio?.restarts() ?? 0,
      media: {
        state: unavailable !== undefined ? 'unavailable' : (media?.state() ?? 'stopped'),
        pid: media?.pid(),
        restarts: media?.restarts() ?? 0,
        message: media?.message(),
        ngPort: media?.ngPort,
      },
    }),

    available: () => state() === 'running',

    async start() {
      if (state() !== 'stopped' && state() !== 'unavailable') return;
      unavailable = undefined;
      const kamailioInstall = findKamailio(env.sipKamailio);
      const rtpengineInstall = findRtpengine(env.sipRtpengine);
      if (!kamailioInstall.ok || !rtpengineInstall.ok) {
        const missing = [kamailioInstall, rtpengineInstall].filter((found) => !found.ok);
        unavailable = missing.map((found) => (found.ok ? '' : found.message)).join(' ');
        log.warn(`SIP edge: ${unavailable}`);
        return;
      }
      stopped = false;
      await mkdir(runtimeDir, { recursive: true, mode: 0o700 });
      await chmod(runtimeDir, 0o700);
      secret = await authSecret(runtimeDir);
      const edgeSecret = randomBytes(32).toString('base64url');
      const ngPort = await freeUdpPort();
      let loopPort = 0;
      /**
       * Picks the ports not configured: free when picked, though another program may take one
       * before Kamailio binds it — then they are picked again before the next start.
       */
      const pickPorts = async () => {
        wsPort = env.sipWsPort === 0 ? await pickPort() : env.sipWsPort;
        trunkPort = env.sipTrunkPort || (await pickPort());
        trunkTlsPort = env.sipTrunkTlsPort || (await pickPort());
        loopPort = await freeUdpPort();
        controllerPorts = { loopPort, ngPort, edgeSecret };
      };
      await pickPorts();
      internal = await startInternalServer(edgeSecret, {
        event: onEvent,
        authorize: (userId, line) => servesLine(store, userId, line),
        route: (credential, line, online) =>
          callPlan(
            store,
            { credential, line, online },
            options.clock?.() ?? new Date(),
            tuning.ringTimeoutMs,
          ),
        error: (text, error) => log.error(text, error),
      });
      const platformUrl = internal.url;
      media = rtpengineProgram({
        binary: rtpengineInstall.binary,
        runtimeDir,
        ngPort,
        address: env.sipMediaAddress,
        ports: env.sipMediaPorts,
        logLevel: tuning.mediaLogLevel,
        backoffMs: tuning.restartBackoffMs,
        log,
        // A Kamailio that found rtpengine gone stops asking it for a while: it is back now.
        started: async () => {
          if (kamailio?.state() === 'running') {
            await kamailio.rpc()?.call('rtpengine.enable', ['all', 1]);
          }
        },
      });
      kamailio = kamailioProgram({
        install: kamailioInstall,
        runtimeDir,
        edgeSecret,
        backoffMs: tuning.restartBackoffMs,
        log,
        onLine: (line) => registrations.observe(line),
        config: async (rpcPort, portTaken) => {
          if (portTaken) await pickPorts();
          await tables.writeRegistrations();
          await prepareDialogTables(runtimeDir);
          await writeTlsConfig(runtimeDir, {
            ...(await edgeCertificate(runtimeDir)),
            caList: env.sipTrunkCa,
          });
          return kamailioConfig({
            wsPort: wsPort ?? 0,
            rpcPort,
            platformUrl,
            edgeSecret,
            authSecret: secret,
            publicOrigin: env.publicUrl,
            realm: 'frontdesk',
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
            rtpengineSocket: `udp:127.0.0.1:${ngPort}`,
            loopPort,
            trunkAddress: env.sipTrunkAddress,
            trunkPort,
            trunkTlsPort,
            trunkAdvertise: env.sipTrunkAdvertise,
            runtimeDir,
          });
        },
        // A new Kamailio has empty tables, and the calls of one that died: nobody hears them now.
        started: async () => {
          const client = kamailio?.rpc();
          const lost = client ? await endLostCalls(client, ngPort, log) : [];
          // Their end in the history, whatever Kamailio tells (`dialog:end` waits for both BYEs'
          // answers, and the browser's side is gone); an end told twice is recorded once.
          for (const callId of lost) {
            await onEvent({
              type: 'ended',
              callId: Buffer.from(callId).toString('base64'),
              by: 'timeout',
              at: now() / 1000,
            });
          }
          tables.reset();
          await tables.sync();
          log.info(`SIP edge: Kamailio on ${wsBase()}`);
        },
      });
      await media.start();
      await kamailio.start();
      resyncTimer = setInterval(() => {
        tables.sync().catch((error: unknown) => log.error('SIP edge: table sync failed', error));
      }, tuning.resyncIntervalMs);
      resyncTimer.unref();
    },

    async stop() {
      if (stopped) return;
      clearInterval(resyncTimer);
      await tables.sync().catch(() => undefined);
      await kamailio?.stop();
      await media?.stop();
      stopped = true;
      await internal?.close();
      internal = undefined;
    },

    wsUrl(path) {
      requireRunning();
      return `${wsBase()}/sip/${path}`;
    },

    async visitorCredential(widget, visitorId, context) {
      requireRunning();
      if (widget.sipLine === null) throw new RangeError(`widget ${widget.key} has no line`);
      // A widget created or changed in another process may not have reached the tables yet.
      if (tables.pushedLine(widget.key) !== widget.sipLine) await tables.sync();
      const user = visitorUser(widget.key, visitorId);
      const credential = mintCredential(secret, user, now() + tuning.visitorTtlMs);
      await kamailio
        ?.rpc()
        ?.call('htable.setxs', [
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

    callback(call) {
      requireRunning();
      if (!controllerPorts) throw new SipEdgeUnavailableError('The SIP edge is not running.');
      return thirdPartyCall({ ...controllerPorts, now }, call);
    },

    mint(user, expiresAt) {
      return mintCredential(secret, user, expiresAt);
    },

    async rpc(method, params) {
      requireRunning();
      const client = kamailio?.rpc();
      if (!client) throw new SipEdgeUnavailableError('The SIP edge has no RPC yet.');
      return client.call(method, params);
    },

    async trunkRegistrations() {
      const client = kamailio?.state() === 'running' ? kamailio.rpc() : undefined;
      if (!client) return new Map();
      return registrations.read(await client.call('uac.reg_dump'));
    },

    syncTables: () => tables.sync(),

    widgetsChanged: () =>
      tables.sync().catch((error: unknown) => log.error('SIP edge: table sync failed', error)),
  };
}
