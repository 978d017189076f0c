/**
 * Finding Kamailio and rtpengine from Debian's packages: the binaries and the modules the edge's
 * config loads. When something is missing, the edge is unavailable and says how to install it.
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The Debian packages the edge needs. */
export const KAMAILIO_PACKAGES = [
  'kamailio',
  'kamailio-websocket-modules',
  'kamailio-autheph-modules',
  'kamailio-utils-modules',
  'kamailio-tls-modules',
] as const;

/** rtpengine's package: install it without recommends and without starting its service. */
export const RTPENGINE_PACKAGE = 'rtpengine-daemon';

/** How to install them, for logs and errors. */
export const INSTALL_HINT = `apt-get install ${KAMAILIO_PACKAGES.join(' ')}`;

/** How to install rtpengine without its service (which would listen on every interface). */
export const RTPENGINE_HINT = `apt-get install --no-install-recommends ${RTPENGINE_PACKAGE} (scripts/setup.sh does it without starting its service)`;

/** Every module the config loads, and the package that ships it. */
export const REQUIRED_MODULES: Readonly<Record<string, (typeof KAMAILIO_PACKAGES)[number]>> = {
  'tm.so': 'kamailio',
  'tmx.so': 'kamailio',
  'sl.so': 'kamailio',
  'rr.so': 'kamailio',
  'pv.so': 'kamailio',
  'usrloc.so': 'kamailio',
  'registrar.so': 'kamailio',
  'auth.so': 'kamailio',
  'nathelper.so': 'kamailio',
  'htable.so': 'kamailio',
  'xhttp.so': 'kamailio',
  'jsonrpcs.so': 'kamailio',
  'dialog.so': 'kamailio',
  'mqueue.so': 'kamailio',
  'rtimer.so': 'kamailio',
  'ipops.so': 'kamailio',
  'rtpengine.so': 'kamailio',
  'websocket.so': 'kamailio-websocket-modules',
  'auth_ephemeral.so': 'kamailio-autheph-modules',
  'http_client.so': 'kamailio-utils-modules',
  'tls.so': 'kamailio-tls-modules',
};

/** Kamailio ready to run, or what is missing. */
export type KamailioInstall =
  | { ok: true; binary: string; modulesDir: string }
  | { ok: false; missing: string[]; message: string };

const MODULE_DIRS = [
  '/usr/lib/x86_64-linux-gnu/kamailio/modules',
  '/usr/lib/aarch64-linux-gnu/kamailio/modules',
  '/usr/lib/kamailio/modules',
  '/usr/lib64/kamailio/modules',
  '/usr/local/lib/kamailio/modules',
  '/usr/local/lib64/kamailio/modules',
];

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The binary: `explicit` when given, else `name` on PATH, /usr/sbin or /usr/local/sbin. */
function findBinary(name: string, explicit: string | undefined): string | undefined {
  if (explicit !== undefined) return executable(explicit) ? explicit : undefined;
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin'];
  return dirs
    .filter(Boolean)
    .map((dir) => join(dir, name))
    .find(executable);
}

/** rtpengine ready to run, or what is missing. */
export type RtpengineInstall = { ok: true; binary: string } | { ok: false; message: string };

/** Looks for rtpengine: `explicitBinary`, else `rtpengine` on PATH or in the sbin folders. */
export function findRtpengine(explicitBinary?: string): RtpengineInstall {
  const binary = findBinary('rtpengine', explicitBinary);
  if (binary !== undefined) return { ok: true, binary };
  return {
    ok: false,
    message: `rtpengine is not installed${explicitBinary ? ` at ${explicitBinary}` : ''}: calls from the site are unavailable. Install it with: ${RTPENGINE_HINT}`,
  };
}

/** Looks for Kamailio and its modules. */
export function findKamailio(explicitBinary?: string): KamailioInstall {
  const binary = findBinary('kamailio', explicitBinary);
  const modulesDir = MODULE_DIRS.find((dir) => existsSync(join(dir, 'tm.so')));
  const missingModules = Object.keys(REQUIRED_MODULES).filter(
    (name) => modulesDir === undefined || !existsSync(join(modulesDir, name)),
  );
  if (binary !== undefined && modulesDir !== undefined && missingModules.length === 0) {
    return { ok: true, binary, modulesDir };
  }
  const packages = new Set<string>();
  if (binary === undefined) packages.add('kamailio');
  for (const name of missingModules) packages.add(REQUIRED_MODULES[name] ?? 'kamailio');
  const missing = KAMAILIO_PACKAGES.filter((name) => packages.has(name));
  const what =
    binary === undefined
      ? `Kamailio is not installed${explicitBinary ? ` at ${explicitBinary}` : ''}`
      : `Kamailio lacks the modules ${missingModules.join(', ')}`;
  return {
    ok: false,
    missing,
    message: `${what}: calls from the site are unavailable. Install it with: ${INSTALL_HINT}`,
  };
}
