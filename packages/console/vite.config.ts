import { defineConfig } from 'vite';

// A web app the platform serves at /console: one HTML page, hashed assets, no inline scripts or
// styles (the platform's CSP allows only 'self').
export default defineConfig({
  root: import.meta.dirname,
  base: '/console/',
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: false,
    sourcemap: true,
  },
});
