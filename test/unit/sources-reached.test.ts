/** The scan that keeps tests importing `src/` out of the `dist` project. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import configs from '../../vitest.config.ts';
import { isPackageSource, testsReachingSources } from '../sources-reached.ts';

const root = mkdtempSync(join(tmpdir(), 'sources-reached-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

write('packages/a/src/index.ts', 'export const a = 1;\n');
write('packages/a/test/static.test.ts', "import { a } from '../src/index';\n");
write('packages/a/test/dynamic.test.ts', "const { a } = await import('../src/index.ts');\n");
write('packages/a/test/kept.test.ts', "const source = '../src/index.ts';\nawait import(source);\n");
write('packages/a/test/mocked.test.ts', "vi.mock('../src/index', () => ({}));\n");
write('packages/a/test/deep/other.test.ts', "import '../../../b/src/x';\n");
write('packages/a/test/support/helper.ts', "export { a } from '../../src/index';\n");
write('packages/a/test/support/relay.ts', "export * from './helper';\n");
write('packages/a/test/through-helper.test.ts', "import { a } from './support/relay';\n");
write(
  'packages/a/test/types-only.test.ts',
  [
    "import type { A } from '../src/index';",
    "import { a } from '@frontdesk/a';",
    "type B = typeof import('../src/index');",
    '',
  ].join('\n'),
);
write(
  'packages/a/test/door.test.ts',
  "import { a } from '@frontdesk/a';\nimport './support/plain';\n",
);
write('packages/a/test/support/plain.ts', "import { readFile } from 'node:fs/promises';\n");
write('test/unit/root.test.ts', "import '../../packages/a/src/index';\n");

describe('testsReachingSources', () => {
  it('finds static, dynamic, kept and mocked source paths, and those reached through helpers', () => {
    expect(testsReachingSources(root)).toEqual([
      'packages/a/test/deep/other.test.ts',
      'packages/a/test/dynamic.test.ts',
      'packages/a/test/kept.test.ts',
      'packages/a/test/mocked.test.ts',
      'packages/a/test/static.test.ts',
      'packages/a/test/through-helper.test.ts',
      'test/unit/root.test.ts',
    ]);
  });

  it('leaves tests that import the doors, helpers without sources, or source types only', () => {
    const reaching = testsReachingSources(root);
    expect(reaching).not.toContain('packages/a/test/door.test.ts');
    expect(reaching).not.toContain('packages/a/test/types-only.test.ts');
  });
});

describe('isPackageSource', () => {
  it('names modules under a package’s src/, wherever the src/ sits in the package', () => {
    expect(isPackageSource('/r', '/r/packages/a/src/index.ts')).toBe(true);
    expect(isPackageSource('/r', '/r/packages/a/page/src/x.ts?v=1')).toBe(true);
    expect(isPackageSource('/r', '/r/packages/a/dist/index.js')).toBe(false);
    expect(isPackageSource('/r', '/r/packages/a/test/src-like.test.ts')).toBe(false);
    expect(isPackageSource('/r', '/r/node_modules/x/src/index.js')).toBe(false);
  });
});

describe('the dist project', () => {
  it('excludes every repository test that reaches sources, and refuses to load one', () => {
    const projects = (configs.test?.projects ?? []) as {
      test?: { name?: string; exclude?: string[] };
      plugins?: { name: string }[];
    }[];
    const dist = projects.find((project) => project.test?.name === 'dist');
    const repository = join(import.meta.dirname, '..', '..');
    const reaching = testsReachingSources(repository);
    expect(reaching).toContain('packages/call/test/start.test.ts');
    expect(dist?.test?.exclude).toEqual(expect.arrayContaining(reaching));
    expect(dist?.plugins?.map((plugin) => plugin.name)).toContain(
      'frontdesk:dist-loads-no-sources',
    );
  });
});
