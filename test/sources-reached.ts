/**
 * Which test files reach a package's sources (`src/`) by a relative path, directly or through a
 * helper they import. The `dist` project leaves those to `unit`: a test there must exercise what
 * npm users get, through the package doors (`@frontdesk/<name>`, aliased to each `dist/`).
 * Read by `vitest.config.ts`, so it uses Node's file system only.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** A relative path with a `src/` segment: `../src/x`, `../../loader/src/x`, `../page/src/x`. */
const SOURCE_PATH = /^\.\.?\/(?:[^'"`]*\/)?src\//;
/** Every quoted relative path: static and dynamic imports, `vi.mock`, a path kept in a const. */
const RELATIVE_STRING = /['"`](\.\.?\/[^'"`\n]+)['"`]/g;
/** Type-only imports vanish when compiled, so they load nothing at run time. */
const TYPE_ONLY = [
  /\b(?:import|export)\s+type\s[^;]*?from\s*['"][^'"]+['"]/gs,
  /\btypeof\s+import\(\s*['"][^'"]+['"]\s*\)/g,
];

function runtimeText(file: string): string {
  let text = readFileSync(file, 'utf8');
  for (const pattern of TYPE_ONLY) text = text.replace(pattern, '');
  return text;
}

/** The file a relative specifier names, as Vite resolves it for our `.ts` (or undefined). */
function resolveHelper(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
    if (
      /\.[cm]?[jt]sx?$/.test(candidate) &&
      existsSync(candidate) &&
      statSync(candidate).isFile()
    ) {
      return candidate;
    }
  }
  return undefined;
}

/** Whether `file`, or a module it imports by a relative path, names a path under some `src/`. */
export function reachesSources(file: string, seen = new Map<string, boolean>()): boolean {
  const known = seen.get(file);
  if (known !== undefined) return known;
  seen.set(file, false); // a cycle adds nothing new
  let reaches = false;
  for (const [, specifier = ''] of runtimeText(file).matchAll(RELATIVE_STRING)) {
    if (SOURCE_PATH.test(specifier)) {
      reaches = true;
      break;
    }
    const helper = resolveHelper(file, specifier);
    if (helper && reachesSources(helper, seen)) {
      reaches = true;
      break;
    }
  }
  seen.set(file, reaches);
  return reaches;
}

function testFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : testFilesUnder(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * The test files under `packages/*\/test/` and `test/unit/` of `root` that reach sources, as
 * paths relative to `root` (what Vitest's `exclude` takes).
 */
export function testsReachingSources(root: string): string[] {
  const packages = join(root, 'packages');
  const dirs = [
    ...readdirSync(packages).map((name) => join(packages, name, 'test')),
    join(root, 'test', 'unit'),
  ];
  const seen = new Map<string, boolean>();
  return dirs
    .flatMap(testFilesUnder)
    .filter((file) => reachesSources(file, seen))
    .map((file) => relative(root, file))
    .sort();
}

/** A module path under a package's sources: what a `dist` run must never load. */
export function isPackageSource(root: string, id: string): boolean {
  const path = relative(root, id.split('?')[0] ?? id);
  return /^packages\/[^/]+\/(?:[^/]+\/)*src\//.test(path) && !path.includes('node_modules/');
}
