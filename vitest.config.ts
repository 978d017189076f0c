/**
 * One Vitest config with projects: `unit` runs logic on Node against the sources, `dist` runs the
 * same tests against the built bundles (what npm users get), `browser` runs in Debian Chromium.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

const packagesDir = resolve(import.meta.dirname, 'packages');

/** `@frontdesk/<name>[/<entry>]` → a file of each package: its source, or what its build emitted. */
function aliases(folder: 'src' | 'dist', extension: '.ts' | '.js') {
  return readdirSync(packagesDir).flatMap((name) => [
    {
      find: new RegExp(`^@frontdesk/${name}$`),
      replacement: resolve(packagesDir, name, folder, `index${extension}`),
    },
    {
      find: new RegExp(`^@frontdesk/${name}/(.+)$`),
      replacement: resolve(packagesDir, name, folder, `$1${extension}`),
    },
  ]);
}
const sourceAliases = aliases('src', '.ts');

const unitInclude = ['packages/*/test/**/*.test.ts', 'test/unit/**/*.test.ts'];
const browserInclude = ['packages/*/test/**/*.browser.test.ts'];
/** Tests of the built output itself (plain Node imports, bundle shapes): only in `dist`. */
const distOnly = ['packages/*/test/**/*.dist.test.ts'];

/** Chromium from Debian: the machine cannot download a browser build. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags every headless Chromium here needs (root, closed network, small /dev/shm). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
];

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias: sourceAliases },
        test: {
          name: 'unit',
          environment: 'node',
          include: unitInclude,
          exclude: [...browserInclude, ...distOnly],
        },
      },
      {
        resolve: { alias: aliases('dist', '.js') },
        test: { name: 'dist', environment: 'node', include: unitInclude, exclude: browserInclude },
      },
      {
        resolve: { alias: sourceAliases },
        test: {
          name: 'browser',
          include: browserInclude,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
