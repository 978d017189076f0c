import { isIPv4 } from 'node:net';
import { resolve } from 'node:path';
import { trustRule } from './http/client-address';
import type { LimitSettings } from './http/rate-limits';

/** The platform's settings, read from the environment. */
export interface PlatformEnv {
  /** 127.0.0.1 unless HOST says otherwise: nothing listens beyond loopback by default. */
  host: string;
  port: number;
  dataDir: string;
  /** PostgreSQL when set; SQLite in dataDir otherwise. */
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  /** Prefix of this platform's keys and streams in Redis (several platforms may share one). */
  redisPrefix: string;
  /** Where e-mail goes out (nodemailer URL); without it e-mails wait in the outbox. */
  smtpUrl: string | undefined;
  /** The SMS provider adapter (see outbox/sms-transport.ts); without it SMS wait in the outbox. */
  smsUrl: string | undefined;
  /** The From of the platform's e-mails. */
  mailFrom: string;
  /** Where browsers reach the platform; also the only Origin accepted by the admin API. */
  publicUrl: string;
  /**
   * The https base the messengers' webhooks reach (WEBHOOK_URL, default PUBLIC_URL): webhooks
   * need https with a certificate the messenger trusts, which browsers on loopback do not.
   */
  webhookUrl: string;
  /**
   * Addresses or CIDRs of the proxies in front of the platform (TRUST_PROXY, comma-separated;
   * none by default): their X-Forwarded-For names the client, whose address the limits count.
   */
  trustProxy: string[];
  /** Domain under which accounts get `vpbx<id>.<domain>` SIP domains. */
  sipDomain: string;
  sessionTtlMs: number;
  /** SIP_EDGE=1: this process runs the SIP edge (Kamailio on loopback); one process of several does. */
  sipEdge: boolean;
  /** Loopback port of the edge's WebSocket listener (SIP_WS_PORT, default 8088; 0 picks a free one). */
  sipWsPort: number;
  /**
   * Where browsers reach that listener (SIP_WS_URL, no path): `wss://sip.example.com` behind a TLS
   * proxy in production; unset = `ws://127.0.0.1:<the listener's port>`.
   */
  sipWsUrl: string | undefined;
  /** The Kamailio binary (SIP_KAMAILIO); found on PATH, /usr/sbin or /usr/local/sbin when unset. */
  sipKamailio: string | undefined;
  /** The rtpengine binary (SIP_RTPENGINE); found like Kamailio when unset. */
  sipRtpengine: string | undefined;
  /**
   * The address media flows through (SIP_MEDIA_ADDRESS, default 127.0.0.1): rtpengine's interface,
   * which browsers and trunks must reach.
   */
  sipMediaAddress: string;
  /** The UDP ports rtpengine may use (SIP_MEDIA_PORTS, `min-max`, default 30000-30999). */
  sipMediaPorts: [number, number];
  /** Where Kamailio meets the SIP trunks (SIP_TRUNK_ADDRESS, default 127.0.0.1). */
  sipTrunkAddress: string;
  /** Its UDP and TCP port there (SIP_TRUNK_PORT; 0, the default, picks a free one). */
  sipTrunkPort: number;
  /** The address the trunks see, behind NAT (SIP_TRUNK_ADVERTISE, `host` or `host:port`). */
  sipTrunkAdvertise: string | undefined;
  /** Kamailio's TLS port for trunks (SIP_TRUNK_TLS_PORT; 0, the default, picks a free one). */
  sipTrunkTlsPort: number;
  /**
   * The CA certificates a TLS trunk's certificate must chain to (SIP_TRUNK_CA, a PEM file; default
   * the system's, /etc/ssl/certs/ca-certificates.crt).
   */
  sipTrunkCa: string;
  /** How often the background workers run (due orders, outbox); 0 = never by themselves. */
  workerIntervalMs: number;
  /** How old a claim of a due order or an outbox message must be before another process takes it. */
  workerLeaseMs: number;
  /**
   * How long a chat enquiry may wait unanswered, or a callback order past its time untaken, before
   * it is missed (MISSED_AFTER_SECONDS, default 300).
   */
  missedAfterMs: number;
  /** Rate limits set in the environment (ORDER_LIMIT_*, CHAT_LIMIT_*); the rest keep their defaults. */
  limits: Partial<LimitSettings>;
  /** Base URL of the Telegram Bot API (TELEGRAM_API_URL; tests point it at a local server). */
  telegramApiUrl: string;
  /** Base URL of the Viber REST API (VIBER_API_URL; tests point it at a local server). */
  viberApiUrl: string;
  /** Base URL of VK's API (VK_API_URL; the messenger sandbox in development and tests). */
  vkApiUrl: string;
  /** Base URL of the Graph API (FACEBOOK_GRAPH_URL; the messenger sandbox in development). */
  facebookGraphUrl: string;
  /**
   * The platform's one Facebook app (webhooks belong to an app, not a page): FACEBOOK_APP_ID,
   * FACEBOOK_APP_SECRET (the key of the events' signatures) and FACEBOOK_VERIFY_TOKEN (the
   * Dashboard's verification); undefined without a secret: Facebook pages are not read.
   */
  facebookApp: { id: string; secret: string; verifyToken: string } | undefined;
  /**
   * SITE_CHECK_PRIVATE=1: the Studio's "test on my site" check may load pages on loopback and
   * private networks (the demo and tests, whose sites run there). Off in production: the check
   * must not become a way into the platform's own network (see widgets/page-fetch.ts).
   */
  siteCheckPrivate: boolean;
  /**
   * Where hand-off links point instead of the messengers' own (MESSENGER_LINK_BASE): the
   * messenger sandbox (`<base>/<messenger>/…`) in development, demos and tests; unset in production.
   */
  messengerLinkBase: string | undefined;
  /**
   * How long a messenger poller's lease lasts (CHANNEL_LEASE_MS, default 60 s): after a process
   * dies, another takes its bots over at most this much later. Its long polls are shorter.
   */
  channelLeaseMs: number;
  /**
   * The largest photo or file of a customer's the platform fetches and keeps
   * (ATTACHMENT_MAX_BYTES, default 20 MB: the most Telegram gives a bot); a larger one is marked
   * failed, with the reason, and never read whole.
   */
  attachmentMaxBytes: number;
}

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`${name} must be a whole number, not "${value}"`);
  return n;
}

/**
 * The limits ORDER_LIMIT_PER_IP, ORDER_LIMIT_PER_PHONE, ORDER_LIMIT_WINDOW_SECONDS,
 * CHAT_LIMIT_PER_MINUTE, CHAT_HANDSHAKE_LIMIT_PER_MINUTE and CHAT_VISITOR_LIMIT_PER_MINUTE set.
 */
function limitsOf(env: NodeJS.ProcessEnv): Partial<LimitSettings> {
  const limits: Partial<LimitSettings> = {};
  const read = (key: keyof LimitSettings, name: string) => {
    const value = env[name];
    if (value !== undefined && value !== '') limits[key] = integer(name, value, 0);
  };
  read('ordersPerIp', 'ORDER_LIMIT_PER_IP');
  read('ordersPerPhone', 'ORDER_LIMIT_PER_PHONE');
  read('orderWindowSeconds', 'ORDER_LIMIT_WINDOW_SECONDS');
  read('chatMessagesPerMinute', 'CHAT_LIMIT_PER_MINUTE');
  read('chatHandshakesPerMinute', 'CHAT_HANDSHAKE_LIMIT_PER_MINUTE');
  read('chatVisitorsPerMinute', 'CHAT_VISITOR_LIMIT_PER_MINUTE');
  return limits;
}

/**
 * Reads PORT, HOST, DATA_DIR, DATABASE_URL, REDIS_URL, SMTP_URL, SMS_URL, MAIL_FROM, PUBLIC_URL,
 * WEBHOOK_URL, TRUST_PROXY, SIP_DOMAIN, SESSION_TTL_HOURS, SIP_EDGE, SIP_WS_PORT, SIP_WS_URL, SIP_KAMAILIO,
 * SIP_RTPENGINE, SIP_MEDIA_ADDRESS, SIP_MEDIA_PORTS, SIP_TRUNK_ADDRESS, SIP_TRUNK_PORT,
 * SIP_TRUNK_ADVERTISE, SIP_TRUNK_TLS_PORT, SIP_TRUNK_CA,
 * WORKER_INTERVAL_MS, WORKER_LEASE_MS, MISSED_AFTER_SECONDS, the ORDER_LIMIT_* limits,
 * TELEGRAM_API_URL, VIBER_API_URL, VK_API_URL, FACEBOOK_GRAPH_URL, FACEBOOK_APP_ID,
 * FACEBOOK_APP_SECRET, FACEBOOK_VERIFY_TOKEN, SITE_CHECK_PRIVATE, MESSENGER_LINK_BASE,
 * CHANNEL_LEASE_MS and ATTACHMENT_MAX_BYTES.
 */
export function readEnv(env: NodeJS.ProcessEnv = process.env): PlatformEnv {
  const port = integer('PORT', env.PORT, 8080);
  const host = env.HOST || '127.0.0.1';
  const publicUrl = new URL(env.PUBLIC_URL || `http://${host}:${port}`).origin;
  const sipWsPort = integer('SIP_WS_PORT', env.SIP_WS_PORT, 8088);
  return {
    host,
    port,
    dataDir: resolve(env.DATA_DIR || '.data'),
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    redisPrefix: env.REDIS_PREFIX || 'frontdesk',
    smtpUrl: env.SMTP_URL || undefined,
    smsUrl: env.SMS_URL || undefined,
    mailFrom: env.MAIL_FROM || 'Frontdesk <no-reply@frontdesk.localhost>',
    publicUrl,
    webhookUrl: env.WEBHOOK_URL ? baseUrl(env.WEBHOOK_URL, 'WEBHOOK_URL') : publicUrl,
    trustProxy: proxiesOf(env.TRUST_PROXY),
    sipDomain: env.SIP_DOMAIN || 'sip.frontdesk.localhost',
    sessionTtlMs: integer('SESSION_TTL_HOURS', env.SESSION_TTL_HOURS, 12) * 3_600_000,
    sipEdge: env.SIP_EDGE === '1',
    sipWsPort,
    sipWsUrl: env.SIP_WS_URL ? wsOrigin(env.SIP_WS_URL) : undefined,
    sipKamailio: env.SIP_KAMAILIO || undefined,
    sipRtpengine: env.SIP_RTPENGINE || undefined,
    sipMediaAddress: ipAddress('SIP_MEDIA_ADDRESS', env.SIP_MEDIA_ADDRESS || '127.0.0.1'),
    sipMediaPorts: portRange('SIP_MEDIA_PORTS', env.SIP_MEDIA_PORTS || '30000-30999'),
    sipTrunkAddress: ipAddress('SIP_TRUNK_ADDRESS', env.SIP_TRUNK_ADDRESS || '127.0.0.1'),
    sipTrunkPort: integer('SIP_TRUNK_PORT', env.SIP_TRUNK_PORT, 0),
    sipTrunkAdvertise: advertised(env.SIP_TRUNK_ADVERTISE),
    sipTrunkTlsPort: integer('SIP_TRUNK_TLS_PORT', env.SIP_TRUNK_TLS_PORT, 0),
    sipTrunkCa: env.SIP_TRUNK_CA || '/etc/ssl/certs/ca-certificates.crt',
    workerIntervalMs: integer('WORKER_INTERVAL_MS', env.WORKER_INTERVAL_MS, 1_000),
    // Five minutes: far beyond the transports' own timeouts (about a minute at worst).
    workerLeaseMs: Math.max(1, integer('WORKER_LEASE_MS', env.WORKER_LEASE_MS, 300_000)),
    missedAfterMs: integer('MISSED_AFTER_SECONDS', env.MISSED_AFTER_SECONDS, 300) * 1000,
    limits: limitsOf(env),
    telegramApiUrl: baseUrl(env.TELEGRAM_API_URL || 'https://api.telegram.org'),
    viberApiUrl: baseUrl(env.VIBER_API_URL || 'https://chatapi.viber.com'),
    vkApiUrl: baseUrl(env.VK_API_URL || 'https://api.vk.com'),
    facebookGraphUrl: baseUrl(env.FACEBOOK_GRAPH_URL || 'https://graph.facebook.com'),
    facebookApp: env.FACEBOOK_APP_SECRET
      ? {
          id: env.FACEBOOK_APP_ID || '',
          secret: env.FACEBOOK_APP_SECRET,
          verifyToken: env.FACEBOOK_VERIFY_TOKEN || '',
        }
      : undefined,
    siteCheckPrivate: env.SITE_CHECK_PRIVATE === '1',
    messengerLinkBase: env.MESSENGER_LINK_BASE
      ? baseUrl(env.MESSENGER_LINK_BASE, 'MESSENGER_LINK_BASE')
      : undefined,
    channelLeaseMs: Math.max(3_000, integer('CHANNEL_LEASE_MS', env.CHANNEL_LEASE_MS, 60_000)),
    attachmentMaxBytes: Math.max(
      1,
      integer('ATTACHMENT_MAX_BYTES', env.ATTACHMENT_MAX_BYTES, 20 * 1024 * 1024),
    ),
  };
}

/** TRUST_PROXY's entries, each checked to be an address or a CIDR. */
function proxiesOf(value: string | undefined): string[] {
  const proxies = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  try {
    trustRule(proxies);
  } catch (error) {
    throw new Error(
      `TRUST_PROXY must list addresses or CIDRs of proxies, not "${value}" (${(error as Error).message})`,
    );
  }
  return proxies;
}

/** An IPv4 address (what rtpengine and Kamailio bind). */
function ipAddress(name: string, value: string): string {
  if (isIPv4(value)) return value;
  throw new Error(`${name} must be an IPv4 address, not "${value}"`);
}

/** `min-max`: the UDP ports of the range, with room for one call at least. */
function portRange(name: string, value: string): [number, number] {
  const match = /^(\d{4,5})-(\d{4,5})$/.exec(value);
  const [min, max] = [Number(match?.[1]), Number(match?.[2])];
  if (!match || min < 1024 || max > 65535 || max - min < 3) {
    throw new Error(`${name} must be a range of UDP ports like 30000-30999, not "${value}"`);
  }
  return [min, max];
}

/** `host` or `host:port` that trunks reach Kamailio at, or undefined. */
function advertised(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (/^[A-Za-z0-9.-]{1,253}(?::\d{1,5})?$/.test(value)) return value;
  throw new Error(`SIP_TRUNK_ADVERTISE must be a host or host:port, not "${value}"`);
}

/** A ws:// or wss:// URL without its trailing slash. */
function wsOrigin(value: string): string {
  const url = new URL(value);
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') {
    throw new Error(`SIP_WS_URL must be a ws:// or wss:// URL, not "${value}"`);
  }
  return url.href.replace(/\/+$/, '');
}

/** An http(s) base URL without its trailing slash, so paths append to it. */
function baseUrl(value: string, name = 'a bot API base URL'): string {
  const url = new URL(value);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${name} must be http(s), not "${value}"`);
  }
  return url.href.replace(/\/+$/, '');
}
