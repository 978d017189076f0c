import { resolve } from 'node:path';

/** The platform's settings, read from the environment. */
export interface PlatformEnv {
  /** 127.0.0.1 unless HOST says otherwise: nothing listens beyond loopback by default. */
  host: string;
  port: number;
  dataDir: string;
  /** PostgreSQL when set; SQLite in dataDir otherwise. */
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  smtpUrl: string | undefined;
  smsUrl: string | undefined;
  /** Where browsers reach the platform; also the only Origin accepted by the admin API. */
  publicUrl: string;
  /** Domain under which accounts get `vpbx<id>.<domain>` SIP domains. */
  sipDomain: string;
  sessionTtlMs: number;
}

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`${name} must be a whole number, not "${value}"`);
  return n;
}

/** Reads PORT, HOST, DATA_DIR, DATABASE_URL, REDIS_URL, SMTP_URL, SMS_URL, PUBLIC_URL, SIP_DOMAIN, SESSION_TTL_HOURS. */
export function readEnv(env: NodeJS.ProcessEnv = process.env): PlatformEnv {
  const port = integer('PORT', env.PORT, 8080);
  const host = env.HOST || '127.0.0.1';
  const publicUrl = new URL(env.PUBLIC_URL || `http://${host}:${port}`).origin;
  return {
    host,
    port,
    dataDir: resolve(env.DATA_DIR || '.data'),
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    smtpUrl: env.SMTP_URL || undefined,
    smsUrl: env.SMS_URL || undefined,
    publicUrl,
    sipDomain: env.SIP_DOMAIN || 'sip.frontdesk.localhost',
    sessionTtlMs: integer('SESSION_TTL_HOURS', env.SESSION_TTL_HOURS, 12) * 3_600_000,
  };
}
