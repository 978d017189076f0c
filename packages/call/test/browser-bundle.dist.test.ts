/**
 * The browser build as the platform serves it (`dist/browser/`): the loader imports `call.js`,
 * which shows the call button on its own; sip.js is a chunk of its own that `call.js` imports
 * only dynamically (on the visitor's intent), never statically.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = resolve(import.meta.dirname, '../dist/browser');
const read = (file: string) => readFileSync(resolve(dir, file), 'utf8');
const files = readdirSync(dir).filter((file) => file.endsWith('.js'));
const STATIC_IMPORT = /(?:^|[;}])\s*import\s*(?:[\w{}\s,*$]+from\s*)?["']([^"']+)["']/g;

describe('the call browser build', () => {
  it('has a stable launcher entry and hashed chunks', () => {
    expect(files).toContain('call.js');
    for (const file of files.filter((name) => name !== 'call.js')) {
      expect(file).toMatch(/^[a-z-]+-[\w-]{8}\.js$/);
    }
    expect(files.filter((file) => file.startsWith('sip-call-'))).toHaveLength(1);
  });

  it('call.js has no static import at all, and reaches sip.js only by a dynamic import', () => {
    const launcher = read('call.js');
    expect([...launcher.matchAll(STATIC_IMPORT)]).toEqual([]);
    expect(launcher).toMatch(/import\(["'`]\.\/sip-call-[\w-]{8}\.js["'`]\)/);
    // sip.js's own code is not in the launcher.
    expect(launcher).not.toMatch(/SessionDescriptionHandler|sip\.js|Inviter/);
    const sip = files.find((file) => file.startsWith('sip-call-')) ?? '';
    expect(read(sip)).toMatch(/SessionDescriptionHandler/);
  });

  it('no chunk the launcher or the opened widget imports statically is the sip.js chunk', () => {
    for (const file of files.filter((name) => !name.startsWith('sip-call-'))) {
      const imports = [...read(file).matchAll(STATIC_IMPORT)].map((match) => match[1]);
      expect(
        imports.some((name) => name?.includes('sip-call')),
        file,
      ).toBe(false);
    }
  });
});
