import { defineConfig } from 'vite';
import { libraryConfig } from '../../vite.config.ts';

// `vite build`: the npm package; `vite build --mode browser`: what `/v1/assets/` serves —
// `callback.js` (the launcher chunk the loader imports: `start` alone) and the hashed chunks it
// loads on intent.
export default defineConfig(({ mode }) =>
  mode === 'browser'
    ? libraryConfig({
        root: import.meta.dirname,
        entries: { callback: 'src/start.ts' },
        browser: true,
      })
    : libraryConfig({
        root: import.meta.dirname,
        entries: { index: 'src/index.ts' },
        external: [/^preact/, /^libphonenumber-js/, /^@frontdesk\//],
      }),
);
