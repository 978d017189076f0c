/** The SIP edge's face to the platform: its states, status, options and errors (edge.ts makes it). */
import type { TrunkRegistration } from '@frontdesk/config';
import type { User } from '../../accounts';
import type { PlatformEnv } from '../../env';
import type { Store } from '../../storage/store';
import type { Widget } from '../../widgets';
import type { SipCredential } from './credentials';
import type { EdgeLogger } from './edge-log';
import type { CallerContext } from './events';
import type { ProgramState } from './supervisor';
import type { CallbackCall, CallbackOutcome } from './third-party-call';
import type { SipEdgeTuning } from './tuning';

/** Where the edge stands. */
export type SipEdgeState =
  /** Kamailio, a module or rtpengine is missing: calls are unavailable (see `message`). */
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
  /** The media relay (rtpengine): its state, main process, restarts and what went wrong last. */
  media: {
    state: ProgramState | 'unavailable';
    pid: number | undefined;
    restarts: number;
    message: string | undefined;
    /** Its ng control port on 127.0.0.1. */
    ngPort: number | undefined;
  };
}

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
  /** Picks a free TCP port for a listener not configured. Default: the system's (`freePort`). */
  pickPort?: () => Promise<number>;
  tuning?: Partial<SipEdgeTuning>;
  /** The platform's clock, for working hours (the forwarding plan). Default: the real one. */
  clock?: () => Date;
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
  /**
   * One automatic callback attempt (third-party-call.ts): rings the addressee, then the visitor,
   * connects them; resolves when it is over. @throws {SipEdgeUnavailableError}
   */
  callback(call: CallbackCall): Promise<CallbackOutcome>;
  /** A credential for any user part and expiry (tests: expired credentials). */
  mint(user: string, expiresAt: number): SipCredential;
  /**
   * Calls Kamailio's RPC (tests: `htable.seti win pin <n>` holds every flood counter in window
   * `n`, so that no minute boundary splits a count). @throws {SipEdgeUnavailableError}
   */
  rpc(method: string, params?: (string | number)[]): Promise<unknown>;
  /**
   * The registration of every trunk Kamailio registers now, by trunk id (`uac.reg_dump` and the
   * failures it logged); empty while Kamailio does not run.
   */
  trunkRegistrations(): Promise<ReadonlyMap<string, TrunkRegistration>>;
  /** Brings Kamailio's widget tables in line with the database. */
  syncTables(): Promise<void>;
  /** {@link syncTables} after a call widget changed, logging instead of throwing. */
  widgetsChanged(): Promise<void>;
  /** The edge's log (the platform's). */
  log: EdgeLogger;
  /** The runtime directory (configs, PID files, logs). */
  runtimeDir: string;
  /** Kamailio's PID file and log. */
  pidFile: string;
  logFile: string;
  /** rtpengine's PID file and log. */
  mediaPidFile: string;
  mediaLogFile: string;
}
