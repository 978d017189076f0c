/**
 * The naming rule of the packages' tests: a test file is named after what it tests, so that the
 * tests of a file are found by its name. `<subject>.test.ts` tests the subject,
 * `<subject>.<aspect>.test.ts` one aspect of it, and `.browser` or `.dist` before `.test.ts` picks
 * the project. The subject, the name up to the first dot, is a file or folder of the test's
 * package, named up to its first dot too: a source under `src/` (or `page/src/`), a feature
 * folder, a file that is not TypeScript (`sip/kamailio.cfg.template` → `kamailio`); or the package
 * itself, for a test of the whole package (`schedule.browser.test.ts`). Helpers under
 * `test/support/` are not tests.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';

/** Folders that hold no subject: tests, build output, installed dependencies. */
const NO_SUBJECTS = new Set(['test', 'dist', 'node_modules', 'coverage']);
const TEST_FILE = /\.test\.tsx?$/;

/** A file's or folder's name up to its first dot: what a test file's name must start with. */
function firstPart(name: string): string {
  return name.split('.')[0] ?? name;
}

function subjectsUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.') || NO_SUBJECTS.has(entry.name)) return [];
    const own = firstPart(entry.name);
    return entry.isDirectory() ? [own, ...subjectsUnder(join(dir, entry.name))] : [own];
  });
}

/** What a test of the package at `packageDir` may be named after. */
export function packageSubjects(packageDir: string): Set<string> {
  return new Set([basename(packageDir), ...subjectsUnder(packageDir)]);
}

function testFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name === 'support' || entry.name === 'node_modules' ? [] : testFilesUnder(path);
    }
    return TEST_FILE.test(entry.name) ? [path] : [];
  });
}

/**
 * The test files under `packages/*\/test/` of `root` whose name starts with no subject of their
 * package, as paths relative to `root`, sorted.
 */
export function misnamedTests(root: string): string[] {
  const packages = join(root, 'packages');
  return readdirSync(packages)
    .filter((name) => existsSync(join(packages, name, 'test')))
    .flatMap((name) => {
      const subjects = packageSubjects(join(packages, name));
      return testFilesUnder(join(packages, name, 'test')).filter(
        (file) => !subjects.has(firstPart(basename(file))),
      );
    })
    .map((file) => relative(root, file))
    .sort();
}
