/**
 * A certificate authority made for one test (local-ca.ts in a fresh folder), and a server
 * certificate it signed for 127.0.0.1, removed when the test is done.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LocalCa, localCa } from '@frontdesk/messenger-sandbox';

/** The files and PEM texts of a throwaway CA and of a server certificate it issued. */
export interface ThrowawayCa extends LocalCa {
  remove(): Promise<void>;
}

/** Makes a CA and a certificate for IP 127.0.0.1 signed by it, in a fresh folder. */
export async function throwawayCa(): Promise<ThrowawayCa> {
  const dir = await mkdtemp(join(tmpdir(), 'sandbox-ca-'));
  return { ...(await localCa(dir)), remove: () => rm(dir, { recursive: true, force: true }) };
}
