/**
 * The demo's telephone network (`npm start`, the `phone-network` command): a carrier with one
 * trunk account and a few numbers a person can call, set from the environment (main.ts says which
 * variables).
 */
import { resolve } from 'node:path';
import type { PhoneNetworkOptions } from './network';
import type { PhoneSpec } from './phone/phone';

/** The numbers, and what each does when called. */
export const DEMO_NUMBERS: readonly { spec: PhoneSpec; what: string }[] = [
  { spec: { number: '+74951110001', answer: 'auto' }, what: 'answers at once' },
  { spec: { number: '+74951110002', answer: { afterSeconds: 5 } }, what: 'answers after 5 s' },
  { spec: { number: '+74951110003', answer: 'busy' }, what: 'busy (486)' },
  { spec: { number: '+74951110004', answer: 'manual' }, what: 'never answers' },
];

/** The demo network's options from `env`, with the trunk account the carrier takes. */
export function demoNetworkOptions(env: NodeJS.ProcessEnv): PhoneNetworkOptions & {
  trunk: { username: string; password: string };
} {
  const port = Number(env.PHONE_NETWORK_PORT ?? 5070);
  if (!Number.isInteger(port) || port < 1024 || port > 65_000) {
    throw new Error(
      `PHONE_NETWORK_PORT must be a port from 1024 to 65000, not ${env.PHONE_NETWORK_PORT}`,
    );
  }
  const trunk = {
    username: env.PHONE_NETWORK_TRUNK_USER ?? 'frontdesk',
    password: env.PHONE_NETWORK_TRUNK_PASSWORD ?? 'frontdesk-demo-trunk',
  };
  return {
    dir: resolve(env.PHONE_NETWORK_DIR ?? '.data/phone-network'),
    host: env.PHONE_NETWORK_HOST ?? '127.0.0.1',
    basePort: port,
    numbers: DEMO_NUMBERS.map(({ spec }) => spec),
    carrier: { trunks: [trunk] },
    trunk,
  };
}
