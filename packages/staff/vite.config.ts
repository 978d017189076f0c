import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { mergeConfig, type Plugin } from 'vite';
import { libraryConfig } from '../../vite.config.ts';

/**
 * Ships the base styles as written, as `dist/staff.css` (`@frontdesk/staff/staff.css`): each app's
 * own build bundles them with its styles, so nothing here needs to process them.
 */
const baseStyles: Plugin = {
  name: 'staff-base-styles',
  generateBundle() {
    this.emitFile({
      type: 'asset',
      fileName: 'staff.css',
      source: readFileSync(resolve(import.meta.dirname, 'src/staff.css'), 'utf8'),
    });
  },
};

export default mergeConfig(
  libraryConfig({
    root: import.meta.dirname,
    entries: { index: 'src/index.ts' },
    external: [/^preact/, /^@frontdesk\//],
  }),
  { plugins: [baseStyles] },
);
