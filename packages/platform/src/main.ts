/**
 * `pnpm --filter @frontdesk/platform start`: the platform alone, configured by the environment
 * (see env.ts). With SEED_DEMO=1 it first seeds the demo account (and, with DEMO_TRUNK_URL, its
 * trunk: calls/demo-trunk.ts; with DEMO_MESSENGERS=1, its chat's messengers in the sandbox:
 * demo/demo-messengers.ts); with SIP_EDGE=1 it also runs
 * Kamailio (SIP-EDGE.md). SIGTERM and SIGINT shut it down gracefully: requests in flight finish,
 * Kamailio is stopped by its PID, the database is closed.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundleDirs } from './bundle-dirs';
import { parseTrunkUrl, seedDemoTrunk } from './calls';
import { seedDemoMessengers } from './demo/demo-messengers';
import { DEMO_PASSWORD, seedDemo } from './demo/seed';
import { readEnv } from './env';
import { createPlatform } from './platform';

const env = readEnv();
const webApps = webAppsFromEnv();
const assetDirs = bundleDirs();
const platform = await createPlatform({
  env,
  logger: process.env.LOG !== '0',
  assetDirs,
  webApps,
});
if (process.env.SEED_DEMO === '1') {
  const seeded = await seedDemo(platform.store, {
    publicUrl: env.publicUrl,
    sipDomain: env.sipDomain,
    demoSiteUrl: process.env.DEMO_SITE_URL,
  });
  console.log(
    `Demo account ready: ${seeded.users.join(', ')} — password "${DEMO_PASSWORD}" (demo only).`,
  );
  if (process.env.DEMO_TRUNK_URL) {
    const trunk = parseTrunkUrl(process.env.DEMO_TRUNK_URL);
    const added = await seedDemoTrunk(platform.store, {
      accountId: seeded.accountId,
      trunk,
      fallback: process.env.DEMO_TRUNK_FALLBACK,
      now: Date.now(),
    });
    if (added) console.log(`Demo trunk to ${trunk.host}:${trunk.port} (${trunk.transport}) added.`);
  }
  if (process.env.DEMO_MESSENGERS === '1') {
    const connected = await seedDemoMessengers(platform.store, {
      accountId: seeded.accountId,
      now: Date.now(),
    });
    if (connected)
      console.log("The demo chat's Telegram, Viber, VK and Facebook are the sandbox's.");
  }
}
const url = await platform.listen();
console.log(`Frontdesk platform at ${url} (public URL ${env.publicUrl})`);
for (const prefix of Object.keys(webApps)) console.log(`  ${env.publicUrl}${prefix}/`);
if (assetDirs.length === 0) {
  console.warn('No widget bundles to serve: run `pnpm build`, or set ASSET_DIRS.');
}
const sip = platform.sipEdge?.status();
if (sip?.state === 'running') {
  console.log(
    `SIP edge: Kamailio (pid ${sip.pid}) at ${sip.wsBaseUrl}/sip/<widget key> and /sip/ops`,
  );
} else if (sip) {
  console.log(`SIP edge ${sip.state}: ${sip.message ?? ''}`);
}

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    platform.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}

/**
 * The staff web apps: CONSOLE_DIR and STUDIO_DIR, else the workspace's built console and Studio
 * next to this package (the one-machine layout); an app not built is left out.
 */
function webAppsFromEnv(): Record<string, string> {
  const apps: Record<string, string> = {};
  for (const [prefix, dir] of [
    [
      '/console',
      process.env.CONSOLE_DIR ?? fileURLToPath(new URL('../../console/dist/', import.meta.url)),
    ],
    [
      '/studio',
      process.env.STUDIO_DIR ?? fileURLToPath(new URL('../../studio/dist/', import.meta.url)),
    ],
  ] as const) {
    if (existsSync(`${dir}/index.html`)) apps[prefix] = dir;
  }
  return apps;
}
