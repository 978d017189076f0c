import { staffAppConfig } from '../../../vite.config.ts';

// The sandbox serves the page's files at /app/ and its HTML at every page path.
export default staffAppConfig({
  root: import.meta.dirname,
  base: '/app/',
  title: 'Messenger sandbox',
});
