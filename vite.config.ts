/**
 * The one build helper every package uses, so all of them ship the same shapes:
 * ESM for npm (types come from `tsc -b`), or, into `dist/browser/`, what a browser loads from the
 * platform's `/v1/assets/`: minified ES modules with stable entry names and hashed chunks, or a
 * classic IIFE where a browser needs a plain `<script>` (the loader).
 */
import { readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, gzip, constants as zlib } from 'node:zlib';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

const packagesDir = resolve(import.meta.dirname, 'packages');

/**
 * `@frontdesk/<name>[/<entry>]` → a file of each workspace package: its source
 * (`'src', '.ts'`), or what its build emitted (`'dist', '.js'`).
 */
export function workspaceAliases(folder: 'src' | 'dist', extension: '.ts' | '.js') {
  return readdirSync(packagesDir).flatMap((name) => [
    {
      find: new RegExp(`^@frontdesk/${name}$`),
      replacement: resolve(packagesDir, name, folder, `index${extension}`),
    },
    // A style sheet (`@frontdesk/staff/staff.css`) has the same name in both folders.
    {
      find: new RegExp(`^@frontdesk/${name}/(.+\\.css)$`),
      replacement: resolve(packagesDir, name, folder, '$1'),
    },
    {
      find: new RegExp(`^@frontdesk/${name}/(.+)$`),
      replacement: resolve(packagesDir, name, folder, `$1${extension}`),
    },
  ]);
}

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** What a browser fetches as text from the platform's `/v1/assets/`: these get compressed copies. */
const COMPRESSIBLE = /\.(m?js|css)$/;

/**
 * Writes a brotli (quality 11) and a gzip (level 9) copy next to each of `files` in `dir`:
 * `x.js.br`, `x.js.gz`. The platform sends the copy the browser accepts, so nothing is compressed
 * per request. A copy no smaller than its file is not written: the file itself goes out instead.
 */
export async function precompressFiles(dir: string, files: string[]): Promise<void> {
  await Promise.all(
    files.map(async (file) => {
      const data = await readFile(join(dir, file));
      const copies = await Promise.all([
        brotliAsync(data, {
          params: {
            [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
            [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
            [zlib.BROTLI_PARAM_SIZE_HINT]: data.length,
          },
        }),
        gzipAsync(data, { level: zlib.Z_BEST_COMPRESSION }),
      ]);
      await Promise.all(
        (['br', 'gz'] as const).map((suffix, i) => {
          const copy = copies[i] as Buffer;
          return copy.length < data.length
            ? writeFile(join(dir, `${file}.${suffix}`), copy)
            : undefined;
        }),
      );
    }),
  );
}

/** The Vite plugin of {@link precompressFiles}: every script and style sheet the build wrote. */
export function precompress(): Plugin {
  return {
    name: 'frontdesk-precompress',
    async writeBundle(output, bundle) {
      if (!output.dir) return;
      await precompressFiles(
        output.dir,
        Object.keys(bundle).filter((file) => COMPRESSIBLE.test(file)),
      );
    },
  };
}

/** What a package builds. */
export interface LibraryOptions {
  /** The package folder (pass `import.meta.dirname`). */
  root: string;
  /** Output name → source file, relative to the package root. */
  entries: Record<string, string>;
  /** Build a single-entry classic script (the loader) into `dist/browser/` instead of ESM. */
  iife?: { name: string };
  /**
   * Build ES modules for browsers into `dist/browser/`: entries keep their names
   * (`callback.js`, what the loader imports), every other chunk is `name-HASH8.js` (cached for a
   * year by the platform).
   */
  browser?: boolean;
  /** Bare imports left to the consumer (dependencies of an npm package). */
  external?: (string | RegExp)[];
}

/**
 * Vite config of a library package: ES2022, sourcemaps, one file per entry; `dist/` for npm.
 * Browser builds bundle every dependency and resolve the workspace packages to their sources,
 * so chunks split at module boundaries and nothing ships twice; their scripts get brotli and
 * gzip copies ({@link precompress}).
 */
export function libraryConfig(options: LibraryOptions): UserConfig {
  const entry = Object.fromEntries(
    Object.entries(options.entries).map(([name, file]) => [name, resolve(options.root, file)]),
  );
  const forBrowser = Boolean(options.iife) || Boolean(options.browser);
  return defineConfig({
    root: options.root,
    logLevel: 'warn',
    ...(forBrowser ? { resolve: { alias: workspaceAliases('src', '.ts') } } : {}),
    build: {
      // The classic script must at least parse in older browsers: it is the part that never throws.
      target: options.iife ? 'es2020' : 'es2022',
      outDir: resolve(options.root, forBrowser ? 'dist/browser' : 'dist'),
      emptyOutDir: true,
      // What a browser loads carries no `sourceMappingURL` comment, which every visitor would
      // download (some 30 bytes a file on the wire): the platform names the map in a header.
      sourcemap: forBrowser ? 'hidden' : true,
      // The widgets' modules: terser, then the bundler's own minifier (below), a little smaller on
      // the wire than either alone; the loader is smallest with the bundler's alone.
      minify: options.browser ? 'terser' : forBrowser,
      // (Vite sets terser's `module` by the output format; its default keeps licence comments.)
      terserOptions: { compress: { passes: 3 } },
      lib: options.iife
        ? { entry, formats: ['iife'], name: options.iife.name, fileName: (_, name) => `${name}.js` }
        : { entry, formats: ['es'], fileName: (_, name) => `${name}.js` },
      rolldownOptions: {
        external: forBrowser ? [] : (options.external ?? []),
        // Here rather than in Vite's `plugins`, which a package's config may replace with its own.
        plugins: forBrowser ? [precompress()] : [],
        // Library mode leaves ES output unminified (and annotated) for bundlers downstream;
        // browser modules are final, so they are minified (above), keeping only licence comments.
        // Chunks shared by an entry and what it imports lazily go into the entry
        // (`allow-extension`): one file fewer before the launcher shows.
        ...(options.browser
          ? {
              preserveEntrySignatures: 'allow-extension' as const,
              output: {
                minify: true,
                comments: { legal: true, annotation: false, jsdoc: false },
                chunkFileNames: '[name]-[hash:8].js',
              },
            }
          : {}),
      },
    },
  });
}

/** What a staff web app (the console, the Studio) builds. */
export interface StaffAppOptions {
  /** The app's folder (pass `import.meta.dirname`); its script is `src/main.tsx`. */
  root: string;
  /** Where the platform serves it, e.g. `/console/`. */
  base: string;
  /** The page's title. */
  title: string;
  /** Resolve the workspace packages to their sources instead of their builds. */
  fromSources?: boolean;
}

/**
 * Vite config of a staff web app: one HTML page, made here (the apps differ only in its title),
 * hashed assets, no inline scripts or styles (the platform's CSP allows only 'self').
 */
export function staffAppConfig(options: StaffAppOptions): UserConfig {
  const page = resolve(options.root, 'index.html');
  const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${options.title}</title>
  </head>
  <body>
    <div id="app"></div>
    <script type="module" src="/src/main.tsx"></script>
  </body>
</html>
`;
  return defineConfig({
    root: options.root,
    base: options.base,
    logLevel: 'warn',
    ...(options.fromSources ? { resolve: { alias: workspaceAliases('src', '.ts') } } : {}),
    plugins: [
      {
        name: 'staff-app-page',
        resolveId: (id) => (id === page ? page : undefined),
        load: (id) => (id === page ? html : undefined),
      },
    ],
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      target: 'es2022',
      modulePreload: false,
      sourcemap: true,
    },
  });
}

export default defineConfig({});
