/**
 * The carrier's TLS identity, as a provider's would be: a certificate for its address, signed by
 * a CA of its own that a trunk must be told to trust (the CA file, like a provider's chain). Made
 * with openssl in the carrier's directory at every start.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const openssl = (args: string[]) => promisify(execFile)('openssl', args);

/** The files of the carrier's TLS identity. */
export interface CarrierTls {
  /** The CA that signed the carrier's certificate (PEM): what a trunk trusts. */
  caFile: string;
  certificate: string;
  privateKey: string;
}

/** Makes a CA and a certificate for `host` (an IP address) signed by it, in `dir`. */
export async function makeCarrierTls(dir: string, host: string): Promise<CarrierTls> {
  const file = (name: string) => join(dir, name);
  const key = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  await openssl([
    'req',
    '-x509',
    ...key,
    '-days',
    '30',
    '-subj',
    '/CN=phone-network test CA',
    '-keyout',
    file('ca-key.pem'),
    '-out',
    file('ca.pem'),
  ]);
  await openssl([
    'req',
    '-new',
    ...key,
    '-subj',
    `/CN=${host}`,
    '-keyout',
    file('tls-key.pem'),
    '-out',
    file('tls.csr'),
  ]);
  // Kamailio checks the chain, not the name: the CN names the address for people.
  await openssl([
    'x509',
    '-req',
    '-in',
    file('tls.csr'),
    '-CA',
    file('ca.pem'),
    '-CAkey',
    file('ca-key.pem'),
    '-CAcreateserial',
    '-days',
    '30',
    '-out',
    file('tls-cert.pem'),
  ]);
  return {
    caFile: file('ca.pem'),
    certificate: file('tls-cert.pem'),
    privateKey: file('tls-key.pem'),
  };
}
