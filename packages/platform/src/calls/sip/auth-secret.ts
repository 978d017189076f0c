/** The secret Kamailio's auth_ephemeral shares with the edge that mints credentials. */
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The auth_ephemeral secret, kept in the runtime dir so credentials outlive a platform restart. */
export async function authSecret(runtimeDir: string): Promise<string> {
  const file = join(runtimeDir, 'auth-secret');
  try {
    const existing = (await readFile(file, 'utf8')).trim();
    if (/^[A-Za-z0-9_-]{32,}$/.test(existing)) return existing;
  } catch {
    // None yet.
  }
  const secret = randomBytes(32).toString('base64url');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
