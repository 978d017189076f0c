/** The naming rule of test files (README, "Test names"): each is named after what it tests. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { misnamedTests, packageSubjects } from '../test-names.ts';

const root = mkdtempSync(join(tmpdir(), 'test-names-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(path: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), '');
}

write('packages/a/src/start.ts');
write('packages/a/src/chat-widget.tsx');
write('packages/a/src/calls/sip/edge.ts');
write('packages/a/page/src/telegram/chat-state.ts');
write('packages/a/sip/kamailio.cfg.template');
write('packages/a/dist/bundle.js');
write('packages/a/test/start.test.ts');
write('packages/a/test/start.outbox.test.ts');
write('packages/a/test/chat-widget.browser.test.ts');
write('packages/a/test/calls/sip/edge.lifecycle.test.ts');
write('packages/a/test/calls/sip.units.test.ts');
write('packages/a/test/page/telegram/chat-state.test.ts');
write('packages/a/test/kamailio.guards.test.ts');
write('packages/a/test/a.node-import.dist.test.ts');
write('packages/a/test/widget.browser.test.ts');
write('packages/a/test/calls/sip/units.test.ts');
write('packages/a/test/bundle.dist.test.ts');
write('packages/a/test/starting.test.tsx');
write('packages/a/test/support/anything.test.ts');
write('packages/b/src/b-thing.ts');
write('packages/b/test/start.test.ts');
write('packages/c/README.md');

describe('packageSubjects', () => {
  it('names the package and every file and folder outside test/ and dist/, up to the first dot', () => {
    const subjects = packageSubjects(join(root, 'packages/a'));
    for (const name of ['a', 'src', 'start', 'chat-widget', 'calls', 'sip', 'edge', 'kamailio']) {
      expect(subjects, name).toContain(name);
    }
    expect(subjects).toContain('chat-state');
    for (const name of ['bundle', 'units', 'widget', 'test', 'dist']) {
      expect(subjects, name).not.toContain(name);
    }
  });
});

describe('misnamedTests', () => {
  it('lists the tests named after nothing of their package, helpers aside', () => {
    expect(misnamedTests(root)).toEqual([
      'packages/a/test/bundle.dist.test.ts',
      'packages/a/test/calls/sip/units.test.ts',
      'packages/a/test/starting.test.tsx',
      'packages/a/test/widget.browser.test.ts',
      'packages/b/test/start.test.ts',
    ]);
  });
});

describe('the repository', () => {
  it('names every test file after the file, folder or package it tests', () => {
    expect(misnamedTests(join(import.meta.dirname, '..', '..'))).toEqual([]);
  });
});
