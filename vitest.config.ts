/**
 * One Vitest config with projects: `unit` runs logic on Node against the sources (files that
 * need a DOM say `// @vitest-environment jsdom`), `dist` runs the same tests against the built
 * bundles (what npm users get), `browser` runs in Debian Chromium, and `e2e` drives Chromium
 * from Node against a real platform, the demo site and the built browser bundles; `bench` runs
 * the benchmarks that need that stage — calls, the host page; only `pnpm bench` runs it.
 */
import { playwright } from '@vitest/browser-playwright';
import { defineConfig, type Plugin } from 'vitest/config';
import { coverageThresholds } from './test/coverage-floors.ts';
import { isPackageSource, testsReachingSources } from './test/sources-reached.ts';
import { workspaceAliases } from './vite.config.ts';

const sourceAliases = workspaceAliases('src', '.ts');

const unitInclude = ['packages/*/test/**/*.test.ts', 'test/unit/**/*.test.ts'];
const browserInclude = ['packages/*/test/**/*.browser.test.ts'];
/** Tests of the built output itself (plain Node imports, bundle shapes): only in `dist`. */
const distOnly = ['packages/*/test/**/*.dist.test.ts'];
/**
 * Tests that import a package's `src/` (directly or through a helper) re-test the sources: they
 * run in `unit` only. Computed from the files, so a new test follows the rule by itself.
 */
const sourceTests = testsReachingSources(import.meta.dirname);

/** In `dist`, loading a package's source fails the test file: the scan above missed a path. */
const noSources: Plugin = {
  name: 'frontdesk:dist-loads-no-sources',
  enforce: 'pre',
  load(id) {
    if (isPackageSource(import.meta.dirname, id)) {
      throw new Error(`the dist project loaded a package source: ${id}`);
    }
  },
};

/** Whole journeys in Chromium, started from Node (they need `pnpm build` first). */
const e2eInclude = ['test/e2e/**/*.e2e.test.ts'];
/** Benchmarks on the e2e stage: run only by `pnpm bench` (`--project bench`), never by CI. */
const benchInclude = ['test/e2e/**/*.bench-run.ts'];

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

/**
 * Property tests and real servers take a few seconds on an idle machine; on a busy two-core CI
 * box they take longer. A test that hangs still fails, just not at the first slow moment.
 */
const testTimeout = 30_000;

export default defineConfig({
  test: {
    // `npm test` measures the `unit` project only (`--coverage` there): the other projects run
    // the same code again, built or in a browser, and would only slow CI down.
    coverage: {
      provider: 'v8',
      include: ['packages/*/src/**/*.{ts,tsx}'],
      exclude: ['**/*.d.ts'],
      reporter: ['text-summary', 'json-summary'],
      thresholds: coverageThresholds,
    },
    projects: [
      {
        resolve: { alias: sourceAliases },
        test: {
          name: 'unit',
          environment: 'node',
          testTimeout,
          setupFiles: ['test/preact-settle.ts'],
          include: unitInclude,
          exclude: [...browserInclude, ...distOnly, ...e2eInclude],
        },
      },
      {
        resolve: { alias: workspaceAliases('dist', '.js') },
        plugins: [noSources],
        test: {
          name: 'dist',
          environment: 'node',
          testTimeout,
          setupFiles: ['test/preact-settle.ts'],
          include: unitInclude,
          exclude: [...browserInclude, ...e2eInclude, ...sourceTests],
        },
      },
      {
        resolve: { alias: sourceAliases },
        // Bundled before the first test: found on the way, Vite would reload the page mid-run.
        optimizeDeps: { include: ['@testing-library/preact'] },
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
      {
        resolve: { alias: sourceAliases },
        test: {
          name: 'e2e',
          environment: 'node',
          include: e2eInclude,
          // Each file starts a platform, the demo site and a browser: one at a time, with room.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias: sourceAliases },
        test: {
          name: 'bench',
          environment: 'node',
          include: benchInclude,
          fileParallelism: false,
          testTimeout: 600_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
