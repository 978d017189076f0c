import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { libraryConfig } from '../../vite.config.ts';

/**
 * The widgets' shared runtime chunk (`widget-shell-HASH.js` of `@frontdesk/widgets`, built
 * first): the loader imports it beside a widget's config, so the launcher does not wait for it.
 */
function runtimeChunk(): string | undefined {
  const dir = resolve(import.meta.dirname, '../widgets/dist/browser');
  if (!existsSync(dir)) return undefined;
  return readdirSync(dir).find((file) => /^widget-shell-[\w-]{8}\.js$/.test(file));
}

// `vite build`: the snippet text for npm; `vite build --mode browser`: the loader script.
export default defineConfig(({ mode }) =>
  mode === 'browser'
    ? {
        ...libraryConfig({
          root: import.meta.dirname,
          entries: { loader: 'src/loader.ts' },
          iife: { name: 'FrontdeskLoader' },
        }),
        define: { __FRONTDESK_RUNTIME__: JSON.stringify(runtimeChunk()) },
      }
    : libraryConfig({ root: import.meta.dirname, entries: { index: 'src/index.ts' } }),
);
