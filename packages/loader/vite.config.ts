import { defineConfig } from 'vite';
import { libraryConfig } from '../../vite.config.ts';

// `vite build`: the snippet text for npm; `vite build --mode browser`: the loader script.
export default defineConfig(({ mode }) =>
  mode === 'browser'
    ? libraryConfig({
        root: import.meta.dirname,
        entries: { loader: 'src/loader.ts' },
        iife: { name: 'FrontdeskLoader' },
      })
    : libraryConfig({ root: import.meta.dirname, entries: { index: 'src/index.ts' } }),
);
