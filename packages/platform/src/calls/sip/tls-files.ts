/**
 * TLS towards the trunks: Kamailio's tls module config (`tls.cfg` in the runtime directory) and
 * the edge's own certificate. As a client (every trunk connection) Kamailio checks the trunk's
 * certificate against the CA list (SIP_TRUNK_CA); as a server it only needs a certificate for its
 * TLS listener, which no browser uses: a self-signed one, made once with openssl and kept.
 */
import { execFile } from 'node:child_process';
import { access, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The edge's certificate and key, made once per runtime directory. */
export async function edgeCertificate(
  runtimeDir: string,
): Promise<{ certificate: string; privateKey: string }> {
  const certificate = join(runtimeDir, 'tls-cert.pem');
  const privateKey = join(runtimeDir, 'tls-key.pem');
  const present = await access(certificate).then(
    () => access(privateKey).then(() => true),
    () => false,
  );
  if (!present) {
    await run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '3650',
      '-subj',
      '/CN=frontdesk-sip-edge',
      '-keyout',
      privateKey,
      '-out',
      certificate,
    ]);
  }
  return { certificate, privateKey };
}

/** Writes `tls.cfg` for the tls module; its path. */
export async function writeTlsConfig(
  runtimeDir: string,
  files: { certificate: string; privateKey: string; caList: string },
): Promise<string> {
  const file = join(runtimeDir, 'tls.cfg');
  await writeFile(
    file,
    [
      '[server:default]',
      'method = TLSv1.2+',
      `certificate = ${files.certificate}`,
      `private_key = ${files.privateKey}`,
      'verify_certificate = no',
      'require_certificate = no',
      '',
      '[client:default]',
      'method = TLSv1.2+',
      'verify_certificate = yes',
      'require_certificate = yes',
      `ca_list = ${files.caList}`,
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  return file;
}
