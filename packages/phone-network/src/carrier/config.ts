/**
 * The carrier's Kamailio configuration: carrier/kamailio.cfg.template of this package with its
 * `{{NAME}}` placeholders filled. The template is read at run time (from src or dist alike), so
 * it stays a Kamailio config that can be read and checked with `kamailio -c`.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The values the template needs. */
export interface CarrierConfigValues {
  host: string;
  sipPort: number;
  /** Its TLS port. */
  tlsPort: number;
  /** The tls module's config file. */
  tlsConfig: string;
  rpcPort: number;
  /** Sent by us with every RPC request; Kamailio refuses any other. */
  rpcSecret: string;
  /** The digest realm of its challenges. */
  realm: string;
  ringTimeoutMs: number;
  /** Kamailio's log level (1 notices, 2 info, 3 debug). */
  logLevel: number;
}

/** carrier/kamailio.cfg.template, found upwards from this module. */
function templatePath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'carrier', 'kamailio.cfg.template');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('carrier/kamailio.cfg.template not found');
    dir = parent;
  }
}

/** Text that can stand in a Kamailio string literal unchanged. */
const SAFE = /^[A-Za-z0-9_.:+=@/-]+$/;

/** The rendered config. @throws {Error} for a value that is not safe in it. */
export async function carrierConfig(values: CarrierConfigValues): Promise<string> {
  const fill: Record<string, string> = {
    HOST: values.host,
    SIP_PORT: String(values.sipPort),
    TLS_PORT: String(values.tlsPort),
    TLS_CONFIG: values.tlsConfig,
    RPC_PORT: String(values.rpcPort),
    RPC_SECRET: values.rpcSecret,
    REALM: values.realm,
    RING_TIMEOUT_MS: String(Math.round(values.ringTimeoutMs)),
    LOG_LEVEL: String(values.logLevel),
  };
  for (const [name, value] of Object.entries(fill)) {
    if (!SAFE.test(value)) throw new Error(`The carrier's ${name} is not plain text: ${value}`);
  }
  const template = await readFile(templatePath(), 'utf8');
  return template.replaceAll(/\{\{([A-Z_]+)\}\}/g, (_, name: string) => {
    const value = fill[name];
    if (value === undefined) throw new Error(`The carrier template names an unknown {{${name}}}`);
    return value;
  });
}
