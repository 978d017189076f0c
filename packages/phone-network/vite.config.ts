import { libraryConfig } from '../../vite.config.ts';

export default libraryConfig({
  root: import.meta.dirname,
  entries: { index: 'src/index.ts', main: 'src/main.ts' },
  // Node only: its own modules stay imports.
  external: [/^node:/],
});
