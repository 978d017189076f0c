/**
 * The messenger sandbox before a platform served over https, as production runs webhooks: a
 * throwaway CA, the TLS front with a certificate it signed, the sandbox delivering only to a
 * certificate that CA signed. The e2e stage (messenger-stage.ts) and the messenger load bench
 * start it alike.
 */
import {
  type MessengerSandbox,
  startMessengerSandbox,
} from '../../packages/messenger-sandbox/src/index.ts';
import {
  type ThrowawayCa,
  throwawayCa,
} from '../../packages/messenger-sandbox/test/support/throwaway-ca.ts';
import { type TlsFront, tlsFront } from '../../packages/platform/test/support/tls-front.ts';

/** The messenger sandbox and the TLS front its webhooks reach the platform through. */
export interface SandboxFront {
  ca: ThrowawayCa;
  front: TlsFront;
  sandbox: MessengerSandbox;
  stop(): Promise<void>;
}

/**
 * A throwaway CA, the TLS front with its certificate (`front.target(platformUrl)` once the
 * platform listens) and the sandbox delivering only to a certificate that CA signed, on `clock`.
 */
export async function startSandboxFront(
  clock: () => Date = () => new Date(),
): Promise<SandboxFront> {
  const ca = await throwawayCa();
  const front = await tlsFront(ca);
  const sandbox = await startMessengerSandbox({ clock, caFile: ca.caFile });
  return {
    ca,
    front,
    sandbox,
    async stop() {
      await sandbox.close();
      await front.close();
      await ca.remove();
    },
  };
}

/**
 * The environment that puts a platform behind `front` (PUBLIC_URL its https, TRUST_PROXY naming
 * it) with the hand-off links going to the sandbox.
 */
export function behindFront({ front, sandbox }: SandboxFront): Record<string, string> {
  return {
    MESSENGER_LINK_BASE: sandbox.url,
    PUBLIC_URL: front.url,
    TRUST_PROXY: '127.0.0.1',
  };
}
