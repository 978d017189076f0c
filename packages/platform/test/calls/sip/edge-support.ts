/**
 * A platform with its SIP edge running (real Kamailio on loopback, SQLite), and helpers to get
 * credentials and open SIP WebSockets. Without Kamailio the edge's tests fail, saying how to
 * install it: they are never skipped.
 */
import type { CallCredentials, OperatorSipCredentials } from '@frontdesk/config';
import { type CallSettings, defaultSettings } from '@frontdesk/config';
import type { Carrier } from '@frontdesk/phone-network';
import type { Platform, Trunk, Widget } from '@frontdesk/platform';
import type { SipEdgeStatus } from '../../../src/calls/sip/edge-types';
import { ARRIVAL_MS, RESTART_MS } from '../../support/arrival';
import { sqliteEngine, type TestDatabase } from '../../support/databases';
import { startPlatform, type TestPlatform, testClock } from '../../support/platform';
import { SipSocket, UserAgent } from './sip-client';

type StartOptions = NonNullable<Parameters<typeof startPlatform>[1]>;

/** The edge of a platform: what the tests look at. */
export type Edge = NonNullable<Platform['sipEdge']>;

/** A running platform whose edge runs too. */
export interface EdgePlatform {
  t: TestPlatform;
  database: TestDatabase;
  edge: Edge;
  /** `ws://127.0.0.1:<port>`. */
  wsBase: string;
  close(): Promise<void>;
}

/** Starts the platform with SIP_EDGE=1; throws the edge's message (with the install hint) otherwise. */
export async function startEdgePlatform(
  options: {
    tuning?: StartOptions['sipTuning'];
    limits?: StartOptions['limits'];
    trustedProxies?: StartOptions['sipTrustedProxies'];
    /** More of the platform's environment (SIP_TRUNK_CA, say). */
    env?: NodeJS.ProcessEnv;
    pickPort?: StartOptions['sipPickPort'];
  } = {},
): Promise<EdgePlatform> {
  const database = await sqliteEngine.open();
  // Wednesday 10:00 in Moscow: the default call schedule (Mon–Thu 09–18) is open.
  const t = await startPlatform(database, {
    clock: testClock('2026-03-04T07:00:00Z'),
    env: { ...options.env, SIP_EDGE: '1', SIP_WS_PORT: '0' },
    sipTuning: { resyncIntervalMs: 60_000, ...options.tuning },
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.trustedProxies ? { sipTrustedProxies: options.trustedProxies } : {}),
    ...(options.pickPort ? { sipPickPort: options.pickPort } : {}),
  });
  const edge = t.platform.sipEdge;
  // The platform starts with the edge's first attempt made; one that failed (a port taken since
  // it was picked, say) is tried again after the supervisor's backoff.
  const status =
    edge &&
    (await eventually(
      async () => edge.status(),
      (now) => now.state !== 'starting' && now.state !== 'restarting',
      RESTART_MS,
    ));
  if (!edge || status?.state !== 'running' || !status.wsBaseUrl) {
    await t.close();
    await database.drop();
    throw new Error(`The SIP edge is not running: ${status?.state} — ${status?.message}`);
  }
  return {
    t,
    database,
    edge,
    wsBase: status.wsBaseUrl,
    async close() {
      await t.close();
      await database.drop();
    },
  };
}

/** A call widget of the test account that allows `origins`. */
export async function callWidget(
  t: TestPlatform,
  patch: Partial<CallSettings> = {},
  name = 'Call us',
): Promise<Widget> {
  const settings: CallSettings = {
    ...(defaultSettings('call') as CallSettings),
    allowedOrigins: ['https://shop.example', 'http://localhost:*'],
    ...patch,
  };
  return t.platform.store.widgets.create({
    accountId: t.accountId,
    type: 'call',
    name,
    settings,
    now: t.clock().getTime(),
  });
}

/** Call credentials for `widget`, asked from `origin`. */
export async function callCredentials(
  t: TestPlatform,
  widget: Widget,
  body: Record<string, unknown> = {},
  origin = 'https://shop.example',
): Promise<CallCredentials> {
  const response = await t.request(`/v1/widgets/${widget.key}/call-credentials`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify(body),
  });
  if (response.status !== 200) {
    throw new Error(`call-credentials: ${response.status} ${await response.text()}`);
  }
  return (await response.json()) as CallCredentials;
}

/** The softphone credentials of a signed-in user. */
export async function operatorCredentials(
  t: TestPlatform,
  who: Parameters<TestPlatform['signIn']>[0] = 'operator',
): Promise<OperatorSipCredentials> {
  const fetchAs = await t.signIn(who);
  const response = await fetchAs('/v1/ops/sip-credentials', { method: 'POST' });
  if (response.status !== 200) {
    throw new Error(`sip-credentials: ${response.status} ${await response.text()}`);
  }
  return (await response.json()) as OperatorSipCredentials;
}

/** A visitor's user agent, connected as the call widget would connect. */
export async function visitorAgent(
  credentials: CallCredentials,
  origin: string | undefined = 'https://shop.example',
): Promise<UserAgent> {
  const socket = await SipSocket.connect(credentials.wsUrl, origin ? { origin } : {});
  return new UserAgent(socket, {
    uri: credentials.uri,
    username: credentials.username,
    password: credentials.password,
    displayName: credentials.displayName,
  });
}

/** An operator's softphone, connected to /sip/ops. */
export async function operatorAgent(credentials: OperatorSipCredentials): Promise<UserAgent> {
  const socket = await SipSocket.connect(credentials.wsUrl);
  return new UserAgent(socket, {
    uri: credentials.uri,
    username: credentials.username,
    password: credentials.password,
    displayName: credentials.displayName,
  });
}

/**
 * Polls `read` until `done` holds (call events arrive asynchronously), for at most `timeoutMs`
 * (a deadline for a loaded machine, like {@link ARRIVAL_MS}); the last value either way.
 */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = ARRIVAL_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The edge's status once its program `part` (Kamailio, or rtpengine: `media`), killed by the test
 * after `before` was read, runs again — or as it is after {@link RESTART_MS}.
 */
export function restartedAfterKill(
  edge: Pick<Edge, 'status'>,
  before: SipEdgeStatus,
  part: 'kamailio' | 'media' = 'kamailio',
): Promise<SipEdgeStatus> {
  const program = (status: SipEdgeStatus) => (part === 'media' ? status.media : status);
  return eventually(
    async () => edge.status(),
    (status) =>
      program(status).state === 'running' &&
      program(status).restarts === program(before).restarts + 1,
    RESTART_MS,
  );
}

/**
 * A UDP trunk of the test account to the phone network's `carrier`, with `credentials` (one of
 * the carrier's trunks) and `patch` over the defaults (caller id in P-Asserted-Identity, at most
 * 2 calls, Russia only).
 */
export function carrierTrunk(
  p: EdgePlatform,
  carrier: Pick<Carrier, 'host' | 'port'>,
  credentials: { username: string; password: string },
  patch: Partial<Pick<Trunk, 'callerIdHeader' | 'maxCalls' | 'destinations'>> = {},
): Promise<Trunk> {
  return p.t.platform.store.trunks.create({
    accountId: p.t.accountId,
    name: 'The carrier',
    host: carrier.host,
    port: carrier.port,
    transport: 'udp',
    username: credentials.username,
    password: credentials.password,
    register: false,
    callerId: null,
    callerIdHeader: 'pai',
    maxCalls: 2,
    destinations: ['7'],
    now: p.t.clock().getTime(),
    ...patch,
  });
}
