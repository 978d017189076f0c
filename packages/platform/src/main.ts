/**
 * `pnpm --filter @frontdesk/platform start`: the platform alone, configured by the environment
 * (see env.ts). With SEED_DEMO=1 it first seeds the demo account. SIGTERM and SIGINT shut it down
 * gracefully: requests in flight finish, the database is closed.
 */
import { readEnv } from './env';
import { createPlatform } from './platform';
import { DEMO_PASSWORD, seedDemo } from './seed';

const env = readEnv();
const platform = await createPlatform({
  env,
  logger: process.env.LOG !== '0',
  assetDirs: assetDirsFromEnv(),
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
}
const url = await platform.listen();
console.log(`Frontdesk platform at ${url} (public URL ${env.publicUrl})`);

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

/** ASSET_DIRS: folders of built browser bundles, separated by the path delimiter. */
function assetDirsFromEnv(): string[] {
  return (process.env.ASSET_DIRS ?? '').split(':').filter(Boolean);
}
