#!/usr/bin/env node
/**
 * `phone-network`: starts the demo's telephone network (a carrier and a few numbers a person can
 * call) and prints where they are. Settings from the environment:
 *
 *   PHONE_NETWORK_DIR             working directory (default .data/phone-network)
 *   PHONE_NETWORK_HOST            loopback address (default 127.0.0.1)
 *   PHONE_NETWORK_PORT            the carrier's SIP port; the phones follow, 4 apart (default 5070)
 *   PHONE_NETWORK_TRUNK_USER      the trunk's digest username (default frontdesk)
 *   PHONE_NETWORK_TRUNK_PASSWORD  its password (default in README.md; never printed)
 */
import { DEMO_NUMBERS, demoNetworkOptions } from './demo-network';
import { startPhoneNetwork } from './network';

async function main(): Promise<void> {
  const { trunk, ...options } = demoNetworkOptions(process.env);
  const { dir } = options;
  const network = await startPhoneNetwork({
    ...options,
    log: (line) => console.warn(`phone-network: ${line}`),
  });
  const carrier = network.carrier;
  console.log('Phone network (a stand-in for the telephone network: tests and the demo only)');
  if (carrier) {
    console.log(
      `Carrier: sip:${carrier.host}:${carrier.port} (UDP, TCP), realm "${carrier.realm}", trunk user "${trunk.username}"`,
    );
  }
  for (const [index, phone] of network.phones.entries()) {
    const address = carrier ? carrier.uri(phone.number) : phone.uri;
    console.log(`  ${address}  ${DEMO_NUMBERS[index]?.what}, ${phone.toneHz} Hz tone`);
    phone.onEvent((event) => {
      if (event.type === 'CALL_INCOMING') {
        console.log(
          `${phone.number}: call from ${event.peerName ?? ''} ${event.peerUri ?? ''}`.trim(),
        );
      } else if (event.type === 'CALL_ESTABLISHED' || event.type === 'CALL_CLOSED') {
        console.log(
          `${phone.number}: ${event.type === 'CALL_CLOSED' ? `ended (${event.param ?? ''})` : 'answered'}`,
        );
      }
    });
  }
  console.log(`Logs and recordings (what each phone heard): ${dir}/phone-<number>/`);
  console.log('Ctrl-C stops it.');

  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      void network.stop().then(() => process.exit(0));
    });
  }
}

main().catch((error: unknown) => {
  console.error(`phone-network: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
