import { staffAppConfig } from '../../vite.config.ts';

// The platform serves the Studio at /studio. The widgets come from their sources, so the live
// preview runs exactly the code a site gets.
export default staffAppConfig({
  root: import.meta.dirname,
  base: '/studio/',
  title: 'Frontdesk Studio',
  fromSources: true,
});
