import { defineConfig } from 'vite';
import { workspaceAliases } from '../../vite.config.ts';

// A web app the platform serves at /studio: one HTML page, hashed assets, no inline scripts or
// styles (the platform's CSP allows only 'self'). The widgets come from their sources, so the
// live preview runs exactly the code a site gets.
export default defineConfig({
  root: import.meta.dirname,
  base: '/studio/',
  logLevel: 'warn',
  resolve: { alias: workspaceAliases('src', '.ts') },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: false,
    sourcemap: true,
  },
});
