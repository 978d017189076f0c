import { defineConfig } from 'vite';
import { libraryConfig } from '../../vite.config.ts';

// The npm package; what a browser loads from `/v1/assets/` is built with the other widgets by
// `@frontdesk/widgets`.
export default defineConfig(
  libraryConfig({
    root: import.meta.dirname,
    entries: { index: 'src/index.ts', 'sip-client': 'src/sip-client.ts' },
    external: [/^preact/, /^sip\.js/, /^@frontdesk\//],
  }),
);
