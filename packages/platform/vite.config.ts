import { libraryConfig } from '../../vite.config.ts';

export default libraryConfig({
  root: import.meta.dirname,
  entries: { index: 'src/index.ts', main: 'src/main.ts', front: 'src/front/front-main.ts' },
  // A Node server: its dependencies stay in node_modules, and so do Node's own modules.
  external: [/^node:/, /^[a-z@][^:]*$/],
});
