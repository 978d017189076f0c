/**
 * The browser build as the platform serves it (`dist/browser/`): the loader imports
 * `callback.js`, which must show the launcher on its own — the form, Preact and phone
 * validation arrive in chunks it imports only on intent.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = resolve(import.meta.dirname, '../dist/browser');
const read = (file: string) => readFileSync(resolve(dir, file), 'utf8');
const files = readdirSync(dir).filter((file) => file.endsWith('.js'));
const STATIC_IMPORT = /(?:^|[;}])\s*import\s*(?:[\w{}\s,*$]+from\s*)?["']([^"']+)["']/g;

describe('the callback browser build', () => {
  it('has a stable launcher entry and hashed chunks (cached for a year by the platform)', () => {
    expect(files).toContain('callback.js');
    for (const file of files.filter((name) => name !== 'callback.js')) {
      expect(file).toMatch(/^[a-z-]+-[\w-]{8}\.js$/);
    }
    expect(files.filter((file) => file.startsWith('open-widget-'))).toHaveLength(1);
    expect(files.filter((file) => /^texts-(en|ru)-/.test(file))).toHaveLength(2);
  });

  it('shows the launcher from callback.js alone: it imports other chunks only dynamically', () => {
    const launcher = read('callback.js');
    expect([...launcher.matchAll(STATIC_IMPORT)]).toEqual([]);
    expect(launcher).toMatch(/import\(["'`]\.\/open-widget-[\w-]{8}\.js["'`]\)/);
    expect(launcher).not.toContain('libphonenumber');
    expect(launcher).not.toContain('computePosition');
  });

  it('adds no style elements, style attributes or preload links to a page', () => {
    for (const file of files) {
      const code = read(file);
      expect(code, file).not.toMatch(
        /createElement\(["'`](?:style|link|script)["'`]\)|setAttribute\(["'`]style["'`]|insertAdjacentHTML|document\.write|modulepreload/,
      );
    }
  });
});
