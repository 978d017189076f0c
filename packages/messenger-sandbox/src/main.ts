#!/usr/bin/env node
/**
 * `messenger-sandbox` (`pnpm --filter @frontdesk/messenger-sandbox start`): the sandbox alone,
 * configured by the environment — MESSENGER_SANDBOX_HOST (127.0.0.1), MESSENGER_SANDBOX_PORT
 * (8070), MESSENGER_SANDBOX_TELEGRAM_PORT (8071), MESSENGER_SANDBOX_VIBER_PORT (8072),
 * MESSENGER_SANDBOX_FACEBOOK_PORT (8073), MESSENGER_SANDBOX_VK_PORT (8074), MESSENGER_SANDBOX_FACEBOOK_APP_ID and _APP_SECRET (the
 * app the platform is given), MESSENGER_SANDBOX_CA_FILE (the CA webhook servers' certificates
 * must chain to). Prints where everything is; SIGTERM and SIGINT stop it.
 */
import { startMessengerSandbox } from './start-sandbox';

const env = process.env;
const sandbox = await startMessengerSandbox({
  host: env.MESSENGER_SANDBOX_HOST || '127.0.0.1',
  port: Number(env.MESSENGER_SANDBOX_PORT || 8070),
  ...(env.MESSENGER_SANDBOX_CA_FILE ? { caFile: env.MESSENGER_SANDBOX_CA_FILE } : {}),
  telegram: { port: Number(env.MESSENGER_SANDBOX_TELEGRAM_PORT || 8071) },
  viber: { port: Number(env.MESSENGER_SANDBOX_VIBER_PORT || 8072) },
  vk: { port: Number(env.MESSENGER_SANDBOX_VK_PORT || 8074) },
  facebook: {
    port: Number(env.MESSENGER_SANDBOX_FACEBOOK_PORT || 8073),
    app: {
      ...(env.MESSENGER_SANDBOX_FACEBOOK_APP_ID
        ? { id: env.MESSENGER_SANDBOX_FACEBOOK_APP_ID }
        : {}),
      ...(env.MESSENGER_SANDBOX_FACEBOOK_APP_SECRET
        ? { secret: env.MESSENGER_SANDBOX_FACEBOOK_APP_SECRET }
        : {}),
    },
  },
});
console.log(`Messenger sandbox at ${sandbox.url} (development and tests only, never production)`);
console.log(`  Telegram Bot API: TELEGRAM_API_URL=${sandbox.telegram.apiUrl}`);
console.log(`  Hand-off links (every messenger's): MESSENGER_LINK_BASE=${sandbox.url}`);
console.log(`  Viber REST API: VIBER_API_URL=${sandbox.viber.apiUrl}`);
console.log(`  VK API: VK_API_URL=${sandbox.vk.apiUrl}`);
console.log(
  `  Facebook Graph API: FACEBOOK_GRAPH_URL=${sandbox.facebook.graphUrl}, FACEBOOK_APP_ID=${sandbox.facebook.app.id}`,
);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
