/** The loader as the platform serves it, `dist/browser/loader.js`: a classic script for any page. */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

const code = readFileSync(resolve(import.meta.dirname, '../dist/browser/loader.js'), 'utf8');

describe('the loader script', () => {
  it('is one classic script: no module syntax, no global of its own besides Frontdesk', () => {
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    const added: string[] = [];
    const page: Record<string, unknown> = {
      document: { currentScript: null, addEventListener: () => {} },
      console,
      URL,
    };
    page.window = page;
    const context = createContext(page);
    const before = new Set(Object.keys(page));
    runInContext(code, context);
    for (const key of Object.keys(page)) if (!before.has(key)) added.push(key);
    expect(added).toEqual([]);
  });

  it('names the widgets’ shared runtime chunk of the same build, which it imports beside a config', () => {
    const [runtime] = code.match(/widget-shell-[\w-]{8}\.js/) ?? [];
    expect(runtime).toBeDefined();
    const built = resolve(import.meta.dirname, '../../widgets/dist/browser', runtime ?? '');
    expect(existsSync(built)).toBe(true);
  });
});
