// `npm start`: runs everything Frontdesk has, seeded with the demo account: the platform with
// its SIP edge (Kamailio), the operator console and the Studio, the demo site (its widgets come
// from the platform), and the stand-ins for the world outside that no machine here reaches: the
// messenger sandbox (the platform's bot API bases point at it; the demo chat's four messengers are
// its) and a telephone network of baresip phones behind a carrier. A TLS front always stands before the platform (a local CA made in
// DATA_DIR/tls at the first start, which the sandbox trusts; TRUST_PROXY names it): the
// messengers' webhooks reach the platform there (WEBHOOK_URL), while browsers stay on the plain
// http://127.0.0.1 (a secure context, and no certificate to accept). TLS_FRONT=1 sends the
// browsers through the front too (PUBLIC_URL becomes the front's).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = process.env.PORT ?? '8080';
const dataDir = process.env.DATA_DIR ?? '.data';
const frontPort = process.env.FRONT_PORT ?? '8443';
const frontUrl = `https://127.0.0.1:${frontPort}`;
const tlsDir = resolve(root, dataDir, 'tls');
const publicUrl =
  process.env.PUBLIC_URL ?? (process.env.TLS_FRONT === '1' ? frontUrl : `http://127.0.0.1:${port}`);
const webhookUrl = process.env.WEBHOOK_URL ?? frontUrl;
const { localCa } = await import('../packages/messenger-sandbox/dist/index.js');
await localCa(tlsDir, 365);
const demoPort = process.env.DEMO_PORT ?? '8090';
const demoSiteUrl = process.env.DEMO_SITE_URL ?? `http://127.0.0.1:${demoPort}`;
// The platform finds the widget bundles it serves itself: the workspace's packages/*/dist/browser.
const sandboxPort = process.env.MESSENGER_SANDBOX_PORT ?? '8070';
const sandboxTelegramPort = process.env.MESSENGER_SANDBOX_TELEGRAM_PORT ?? '8071';
const sandboxViberPort = process.env.MESSENGER_SANDBOX_VIBER_PORT ?? '8072';
const sandboxFacebookPort = process.env.MESSENGER_SANDBOX_FACEBOOK_PORT ?? '8073';
const sandboxVkPort = process.env.MESSENGER_SANDBOX_VK_PORT ?? '8074';
// The platform's Facebook app is the sandbox's: one secret for both, made for this run.
const facebookApp = {
  id: process.env.FACEBOOK_APP_ID ?? '880000000000001',
  secret: process.env.FACEBOOK_APP_SECRET ?? randomBytes(16).toString('hex'),
  verifyToken: process.env.FACEBOOK_VERIFY_TOKEN ?? randomBytes(12).toString('hex'),
};
const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
const sandbox = spawn(process.execPath, ['packages/messenger-sandbox/dist/main.js'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    MESSENGER_SANDBOX_PORT: sandboxPort,
    MESSENGER_SANDBOX_TELEGRAM_PORT: sandboxTelegramPort,
    MESSENGER_SANDBOX_VIBER_PORT: sandboxViberPort,
    MESSENGER_SANDBOX_FACEBOOK_PORT: sandboxFacebookPort,
    MESSENGER_SANDBOX_VK_PORT: sandboxVkPort,
    MESSENGER_SANDBOX_FACEBOOK_APP_ID: facebookApp.id,
    MESSENGER_SANDBOX_FACEBOOK_APP_SECRET: facebookApp.secret,
    MESSENGER_SANDBOX_CA_FILE: `${tlsDir}/ca.pem`,
  },
});

// The demo chat's Telegram bot, Viber bot, VK community and Facebook page are the sandbox's:
// made there (its memory is empty at each start) before the platform, which connects the demo
// chat to them once (DEMO_MESSENGERS=1), starts polling them.
const demoMessengers = process.env.DEMO_MESSENGERS ?? '1';
if (demoMessengers === '1') {
  const { DEMO_MESSENGERS } = await import('../packages/platform/dist/index.js');
  const made = [
    ['telegram/bots', DEMO_MESSENGERS.telegram],
    ['viber/bots', DEMO_MESSENGERS.viber],
    ['vk/communities', DEMO_MESSENGERS.vk],
    ['facebook/pages', DEMO_MESSENGERS.facebook],
  ];
  for (let tries = 0; made.length > 0 && tries < 60; tries++) {
    const [path, body] = made[0];
    const answer = await fetch(`${sandboxUrl}/control/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).catch(() => undefined);
    if (answer && (answer.ok || answer.status === 409)) made.shift();
    else await new Promise((done) => setTimeout(done, 500));
  }
  if (made.length > 0) console.warn("The sandbox did not take the demo chat's messengers.");
}

// The demo account's trunk reaches the phone network's carrier (its defaults, README there).
const phoneNetworkPort = process.env.PHONE_NETWORK_PORT ?? '5070';
const demoTrunkUrl =
  process.env.DEMO_TRUNK_URL ??
  `sip://${encodeURIComponent(process.env.PHONE_NETWORK_TRUNK_USER ?? 'frontdesk')}:${encodeURIComponent(
    process.env.PHONE_NETWORK_TRUNK_PASSWORD ?? 'frontdesk-demo-trunk',
  )}@127.0.0.1:${phoneNetworkPort}`;
const phones = spawn(process.execPath, ['packages/phone-network/dist/main.js'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PHONE_NETWORK_DIR: `${process.env.DATA_DIR ?? '.data'}/phone-network` },
});

const platform = spawn(process.execPath, ['packages/platform/dist/main.js'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    PORT: port,
    PUBLIC_URL: publicUrl,
    WEBHOOK_URL: webhookUrl,
    DATA_DIR: dataDir,
    TRUST_PROXY: process.env.TRUST_PROXY ?? '127.0.0.1',
    SEED_DEMO: '1',
    DEMO_MESSENGERS: demoMessengers,
    SIP_EDGE: process.env.SIP_EDGE ?? '1',
    DEMO_TRUNK_URL: demoTrunkUrl,
    DEMO_SITE_URL: demoSiteUrl,
    // The demo site runs on loopback: let the Studio's "test on my site" load its pages.
    SITE_CHECK_PRIVATE: process.env.SITE_CHECK_PRIVATE ?? '1',
    LOG: process.env.LOG ?? '0',
    TELEGRAM_API_URL: process.env.TELEGRAM_API_URL ?? `http://127.0.0.1:${sandboxTelegramPort}`,
    MESSENGER_LINK_BASE: process.env.MESSENGER_LINK_BASE ?? sandboxUrl,
    VIBER_API_URL: process.env.VIBER_API_URL ?? `http://127.0.0.1:${sandboxViberPort}`,
    VK_API_URL: process.env.VK_API_URL ?? `http://127.0.0.1:${sandboxVkPort}`,
    FACEBOOK_GRAPH_URL: process.env.FACEBOOK_GRAPH_URL ?? `http://127.0.0.1:${sandboxFacebookPort}`,
    FACEBOOK_APP_ID: facebookApp.id,
    FACEBOOK_APP_SECRET: facebookApp.secret,
    FACEBOOK_VERIFY_TOKEN: facebookApp.verifyToken,
  },
});

const front = spawn(process.execPath, ['packages/platform/dist/front.js'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    FRONT_PORT: frontPort,
    FRONT_TARGET: `http://127.0.0.1:${port}`,
    TLS_KEY_FILE: `${tlsDir}/server.key`,
    TLS_CERT_FILE: `${tlsDir}/server.pem`,
  },
});

const demo = spawn(process.execPath, ['demo/serve.mjs'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PORT: demoPort, PLATFORM_URL: publicUrl, SANDBOX_URL: sandboxUrl },
});

// The sandbox's "App Dashboard": the app's callback URL, verified once the platform answers.
void (async () => {
  for (let tries = 0; tries < 120; tries++) {
    await new Promise((done) => setTimeout(done, 1000));
    const answer = await fetch(`${sandboxUrl}/control/facebook/webhook`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        callbackUrl: `${webhookUrl}/v1/channels/facebook/webhook`,
        verifyToken: facebookApp.verifyToken,
      }),
    }).catch(() => undefined);
    if (answer?.ok) return;
  }
  console.warn("The sandbox could not verify the platform's Facebook webhook.");
})();

console.log(`Starting Frontdesk at ${publicUrl} — API: ${publicUrl}/v1/openapi.json`);
console.log(
  `Demo site: ${demoSiteUrl} (home page: the shop with all three widgets, its chat handing off to the sandbox's Telegram, Viber, VK and Facebook; the plain callback page /callback.html, office hours, link and label codes, call, strict CSP, hostile CSS, English and Russian pages)`,
);
console.log(`Operator console: ${publicUrl}/console/`);
console.log(`Studio (marketers configure widgets): ${publicUrl}/studio/`);
console.log(
  'Demo logins: admin@demo.test, marketer@demo.test, operator@demo.test, operator2@demo.test',
);
console.log(
  `Messenger sandbox (play the customer in Telegram, Viber, VK or Facebook Messenger; make a bot, community or page there, paste its token in the Studio): ${sandboxUrl}`,
);

console.log(
  `Phone network (baresip phones behind a carrier on 127.0.0.1:${phoneNetworkPort}): a site call nobody answers in the console goes to +74951110001 through the demo trunk`,
);
console.log(
  `TLS front: ${frontUrl} with the local CA ${tlsDir}/ca.pem, which the sandbox trusts — the messengers' webhooks reach the platform at ${webhookUrl}`,
);

const children = [platform, front, demo, sandbox, phones];
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of children) child.kill('SIGTERM');
  });
}
// One ending ends all: a half-running quick start is worse than none.
for (const child of children) {
  child.on('exit', (code, signal) => {
    for (const other of children) if (other !== child) other.kill('SIGTERM');
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}
