import { defineConfig } from 'vite';
import { libraryConfig } from '../../vite.config.ts';

// `vite build`: the npm package; `vite build --mode browser`: what `/v1/assets/` serves —
// `call.js` (the launcher chunk the loader imports: `start` alone), the opened widget's chunk
// (loaded on intent) and the sip.js chunk (loaded only when the visitor shows intent to call).
export default defineConfig(({ mode }) =>
  mode === 'browser'
    ? libraryConfig({
        root: import.meta.dirname,
        entries: { call: 'src/start.ts' },
        browser: true,
      })
    : libraryConfig({
        root: import.meta.dirname,
        entries: { index: 'src/index.ts' },
        external: [/^preact/, /^sip\.js/, /^@frontdesk\//],
      }),
);
