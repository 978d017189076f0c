/**
 * Kamailio's configuration: packages/platform/sip/kamailio.cfg.template with its `{{NAME}}`
 * placeholders filled. The template is a file of the package (read at run time, from the sources
 * or from dist alike), so it can be read, diffed and checked with `kamailio -c` as Kamailio config.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The values the template needs. */
export interface KamailioConfigValues {
  wsPort: number;
  rpcPort: number;
  /** The platform's loopback listener for Kamailio, `http://127.0.0.1:<port>`. */
  platformUrl: string;
  /** Sent by Kamailio to the platform and by the platform to Kamailio's RPC. */
  edgeSecret: string;
  /** auth_ephemeral's secret. */
  authSecret: string;
  /** The only Origin (besides none) accepted on /sip/ops: the console's. */
  publicOrigin: string;
  realm: string;
  logLevel: number;
  tcpWorkers: number;
  maxConnections: number;
  ringTimeoutMs: number;
  maxRegisterExpires: number;
  /** How long caller info outlives a visitor credential's issue, in seconds. */
  contextTtl: number;
  /** How long a registration's operator is remembered, in seconds (≥ max register expiry). */
  regopTtl: number;
  maxCallSeconds: number;
  floodRequestsPer10s: number;
  handshakesPerMinute: number;
  callsPerCredentialPerMinute: number;
  /**
   * Addresses or CIDRs of the proxies (TLS in front of the edge) whose `X-Forwarded-For` is
   * believed in the WebSocket handshake; from anyone else the header is ignored. Default none.
   */
  trustedProxies?: readonly string[];
  /** rtpengine's ng control socket for Kamailio's rtpengine module: `udp:127.0.0.1:<port>`. */
  rtpengineSocket: string;
  /** The loop's UDP port on 127.0.0.1 (trunk legs spiral through it). */
  loopPort: number;
  /** The trunks' side: the address Kamailio binds and its UDP/TCP port. */
  trunkAddress: string;
  trunkPort: number;
  /** Its TLS port (TCP) there. */
  trunkTlsPort: number;
  /** The address the trunks see (behind NAT), `host` or `host:port`; none: the bound one. */
  trunkAdvertise?: string | undefined;
  /** The runtime directory: the registrations' table is there. */
  runtimeDir: string;
}

/** Where the template is: `sip/` of this package, found upwards from this module (src or dist). */
export function templatePath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'sip', 'kamailio.cfg.template');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('sip/kamailio.cfg.template not found above the platform');
    dir = parent;
  }
}

/** Text that can stand inside a Kamailio string literal and a header value unchanged. */
const SAFE = /^[A-Za-z0-9_.:/+=@-]*$/;

/**
 * `trusted` as CIDRs for ipops' `is_in_subnet` (`a/n,b/m`; a bare address is one host).
 * @throws {Error} for anything but an IPv4 or IPv6 address with an optional prefix length.
 */
export function subnetList(trusted: readonly string[]): string {
  return trusted
    .map((entry) => {
      const [address = '', prefix, ...rest] = entry.trim().split('/');
      const version = isIP(address);
      const bits = version === 4 ? 32 : 128;
      const length = prefix === undefined ? bits : Number(prefix);
      if (
        version === 0 ||
        rest.length > 0 ||
        !/^\d{1,3}$/.test(prefix ?? `${bits}`) ||
        length > bits
      ) {
        throw new Error(
          `A trusted proxy must be an address or a CIDR, not ${JSON.stringify(entry)}`,
        );
      }
      return `${address}/${length}`;
    })
    .join(',');
}

/** The template with every placeholder filled. @throws {Error} for a missing or unsafe value. */
export function renderKamailioConfig(template: string, values: KamailioConfigValues): string {
  const table: Record<string, string | number> = {
    WS_PORT: values.wsPort,
    RPC_PORT: values.rpcPort,
    PLATFORM_URL: values.platformUrl,
    EDGE_SECRET: values.edgeSecret,
    AUTH_SECRET: values.authSecret,
    PUBLIC_ORIGIN: values.publicOrigin,
    REALM: values.realm,
    LOG_LEVEL: values.logLevel,
    TCP_WORKERS: values.tcpWorkers,
    MAX_CONNECTIONS: values.maxConnections,
    RING_TIMEOUT_MS: values.ringTimeoutMs,
    MAX_REGISTER_EXPIRES: values.maxRegisterExpires,
    CONTEXT_TTL: values.contextTtl,
    REGOP_TTL: values.regopTtl,
    MAX_CALL_SECONDS: values.maxCallSeconds,
    FLOOD_REQUESTS_PER_10S: values.floodRequestsPer10s,
    HANDSHAKES_PER_MINUTE: values.handshakesPerMinute,
    CALLS_PER_CREDENTIAL_PER_MINUTE: values.callsPerCredentialPerMinute,
    RTPENGINE_SOCKET: values.rtpengineSocket,
    LOOP_PORT: values.loopPort,
    TRUNK_ADDRESS: values.trunkAddress,
    TRUNK_PORT: values.trunkPort,
    TRUNK_TLS_PORT: values.trunkTlsPort,
    TRUNK_CONTACT: values.trunkAdvertise ?? `${values.trunkAddress}:${values.trunkPort}`,
    RUNTIME_DIR: values.runtimeDir,
  };
  for (const [name, value] of Object.entries(table)) {
    if (typeof value === 'number' ? !Number.isInteger(value) : !SAFE.test(value)) {
      throw new Error(`Kamailio config value ${name} is unusable: ${JSON.stringify(value)}`);
    }
  }
  // Checked entry by entry: addresses and prefix lengths only.
  table.TRUSTED_PROXIES = subnetList(values.trustedProxies ?? []);
  table.TRUNK_ADVERTISE = values.trunkAdvertise ? ` advertise ${values.trunkAdvertise}` : '';
  // Comments may mention {{PLACEHOLDERS}}; only the names above are filled.
  return template.replace(/\{\{([A-Z0-9_]+)\}\}/g, (whole, name: string) => {
    const value = table[name];
    if (value !== undefined) return String(value);
    if (name === 'PLACEHOLDERS') return whole;
    throw new Error(`kamailio.cfg.template has an unknown placeholder {{${name}}}`);
  });
}

/** Reads the template and fills it. */
export async function kamailioConfig(values: KamailioConfigValues): Promise<string> {
  return renderKamailioConfig(await readFile(templatePath(), 'utf8'), values);
}
