/**
 * The one build helper every package uses, so all of them ship the same shapes:
 * ESM for npm (types come from `tsc -b`), or a minified classic IIFE where a browser
 * needs a plain `<script>`.
 */
import { resolve } from 'node:path';
import { defineConfig, type UserConfig } from 'vite';

/** What a package builds. */
export interface LibraryOptions {
  /** The package folder (pass `import.meta.dirname`). */
  root: string;
  /** Output name → source file, relative to the package root. */
  entries: Record<string, string>;
  /** Build a single-entry classic script (the loader) instead of ESM. */
  iife?: { name: string };
  /** Bare imports left to the consumer (dependencies of an npm package). */
  external?: (string | RegExp)[];
}

/** Vite config of a library package: ES2022, sourcemaps, `dist/`, one file per entry. */
export function libraryConfig(options: LibraryOptions): UserConfig {
  const entry = Object.fromEntries(
    Object.entries(options.entries).map(([name, file]) => [name, resolve(options.root, file)]),
  );
  return defineConfig({
    root: options.root,
    logLevel: 'warn',
    build: {
      target: 'es2022',
      outDir: resolve(options.root, 'dist'),
      emptyOutDir: true,
      sourcemap: true,
      minify: Boolean(options.iife),
      lib: options.iife
        ? { entry, formats: ['iife'], name: options.iife.name, fileName: (_, name) => `${name}.js` }
        : { entry, formats: ['es'], fileName: (_, name) => `${name}.js` },
      rolldownOptions: { external: options.external ?? [] },
    },
  });
}

export default defineConfig({});
