/**
 * A certificate authority of this machine and a server certificate it signed for 127.0.0.1,
 * made with openssl: what a TLS front before the platform serves so that webhooks can be https
 * here (the sandbox, like Telegram, delivers only to a certificate it can verify: `caFile`).
 * Made once per folder; later calls read what is there.
 */
import { execFile } from 'node:child_process';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The CA's file and the server's key and certificate (PEM texts). */
export interface LocalCa {
  caFile: string;
  key: string;
  cert: string;
}

/** The CA and server certificate in `dir`, made there first if missing, valid `days` days. */
export async function localCa(dir: string, days = 2): Promise<LocalCa> {
  const file = (name: string) => join(dir, name);
  const made = await access(file('server.pem')).then(
    () => true,
    () => false,
  );
  if (!made) await makeCa(dir, days);
  return {
    caFile: file('ca.pem'),
    key: await readFile(file('server.key'), 'utf8'),
    cert: await readFile(file('server.pem'), 'utf8'),
  };
}

async function makeCa(dir: string, days: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  const file = (name: string) => join(dir, name);
  const ecKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  const valid = ['-days', String(days)];
  await run('openssl', [
    'req',
    '-x509',
    ...ecKey,
    '-keyout',
    file('ca.key'),
    '-out',
    file('ca.pem'),
    ...valid,
    '-subj',
    '/CN=Frontdesk local CA',
  ]);
  await run('openssl', [
    'req',
    ...ecKey,
    '-keyout',
    file('server.key'),
    '-out',
    file('server.csr'),
    '-subj',
    '/CN=127.0.0.1',
  ]);
  await writeFile(file('server.ext'), 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n');
  await run('openssl', [
    'x509',
    '-req',
    '-in',
    file('server.csr'),
    '-CA',
    file('ca.pem'),
    '-CAkey',
    file('ca.key'),
    '-CAcreateserial',
    '-out',
    file('server.pem'),
    ...valid,
    '-extfile',
    file('server.ext'),
  ]);
}
