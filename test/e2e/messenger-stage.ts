/**
 * The stage of a messenger journey by webhook, as production runs it: a throwaway CA, the TLS
 * front before the platform (PUBLIC_URL its https, TRUST_PROXY naming it), and the messenger
 * sandbox on the platform's clock, delivering only to a certificate that CA signed.
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
import { type Stage, startStage } from './harness.ts';

/** A started messenger stage. */
export interface MessengerStage {
  front: TlsFront;
  sandbox: MessengerSandbox;
  stage: Stage;
  stop(): Promise<void>;
}

/** Starts it; `env` (the messenger's API base, …) is the platform's besides the front's. */
export async function startMessengerStage(
  env: (sandbox: MessengerSandbox) => Record<string, string>,
): Promise<MessengerStage> {
  const ca: ThrowawayCa = await throwawayCa();
  const front = await tlsFront(ca);
  let clock: (() => Date) | undefined;
  const sandbox = await startMessengerSandbox({
    clock: () => clock?.() ?? new Date(),
    caFile: ca.caFile,
  });
  const stage = await startStage(new Date(), {
    env: {
      ...env(sandbox),
      PUBLIC_URL: front.url,
      TRUST_PROXY: '127.0.0.1',
      WORKER_INTERVAL_MS: '200',
    },
  });
  clock = stage.clock;
  front.target(stage.platform.url);
  return {
    front,
    sandbox,
    stage,
    async stop() {
      await stage.stop();
      await sandbox.close();
      await front.close();
      await ca.remove();
    },
  };
}
