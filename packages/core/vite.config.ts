import { libraryConfig } from '../../vite.config.ts';

export default libraryConfig({
  root: import.meta.dirname,
  entries: { index: 'src/index.ts' },
  external: [/^preact/, /^@floating-ui\//, /^@frontdesk\//],
});
