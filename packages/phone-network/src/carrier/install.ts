/**
 * Debian's Kamailio for the carrier: the binary and its modules directory (the carrier loads only
 * modules of the `kamailio` package itself).
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Where Kamailio is. */
export interface KamailioInstall {
  binary: string;
  modulesDir: string;
}

const MODULE_DIRS = [
  '/usr/lib/x86_64-linux-gnu/kamailio/modules',
  '/usr/lib/aarch64-linux-gnu/kamailio/modules',
  '/usr/lib/kamailio/modules',
  '/usr/local/lib/kamailio/modules',
];

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** @throws {Error} saying how to install it when it is missing. */
export function findKamailio(): KamailioInstall {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin'];
  const binary = dirs
    .filter(Boolean)
    .map((dir) => join(dir, 'kamailio'))
    .find(executable);
  const modulesDir = MODULE_DIRS.find((dir) => existsSync(join(dir, 'auth.so')));
  if (binary === undefined || modulesDir === undefined) {
    throw new Error('Kamailio is not installed: apt-get install kamailio');
  }
  return { binary, modulesDir };
}
