import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

/** The workspace's `packages/` folder, next to this package (one level under it in src/ and dist/). */
const WORKSPACE_PACKAGES = resolve(import.meta.dirname, '../..');

/**
 * The folders of built browser bundles the platform serves at `/v1/loader.js` and `/v1/assets/`:
 * ASSET_DIRS's (separated by the path delimiter) when set; else every `dist/browser` folder the
 * workspace's packages have built (the one-machine layout, as CONSOLE_DIR and STUDIO_DIR default
 * to the built console and Studio), so the platform run alone serves its widgets.
 */
export function bundleDirs(
  env: NodeJS.ProcessEnv = process.env,
  packagesDir: string = WORKSPACE_PACKAGES,
): string[] {
  if (env.ASSET_DIRS) return env.ASSET_DIRS.split(delimiter).filter(Boolean);
  if (!existsSync(packagesDir)) return [];
  return readdirSync(packagesDir)
    .sort()
    .map((name) => join(packagesDir, name, 'dist', 'browser'))
    .filter((dir) => existsSync(dir));
}
