/**
 * `node dist/front.js`: the TLS front `npm start` always puts before the platform, where the
 * messengers' webhooks reach it (WEBHOOK_URL; with TLS_FRONT=1 the browsers too) (tls-front.ts): https on FRONT_PORT (default 8443) with TLS_KEY_FILE and TLS_CERT_FILE (a
 * local CA's, which `npm start` makes), passing every request on to FRONT_TARGET (default
 * http://127.0.0.1:8080). SIGTERM and SIGINT stop it.
 */
import { readFile } from 'node:fs/promises';
import { tlsFront } from './tls-front';

const need = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};
const front = await tlsFront(
  {
    key: await readFile(need('TLS_KEY_FILE'), 'utf8'),
    cert: await readFile(need('TLS_CERT_FILE'), 'utf8'),
  },
  Number(process.env.FRONT_PORT ?? '8443'),
);
front.target(process.env.FRONT_TARGET ?? 'http://127.0.0.1:8080');
process.stdout.write(`TLS front at ${front.url}\n`);
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    front.close().then(() => process.exit(0));
  });
}
