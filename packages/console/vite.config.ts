import { staffAppConfig } from '../../vite.config.ts';

// The platform serves the console at /console.
export default staffAppConfig({
  root: import.meta.dirname,
  base: '/console/',
  title: 'Frontdesk console',
});
