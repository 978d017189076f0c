/**
 * Rules the widget's own code (this package and the runtime it is built on) keeps, so that it
 * runs under a strict CSP and respects consent: no inline styles or HTML strings, no script or
 * style elements, and storage only through the consent-first store.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const sources = ['callback', 'core'].flatMap((name) => {
  const dir = resolve(import.meta.dirname, '../..', name, 'src');
  return readdirSync(dir).map((file) => ({
    file: `${name}/src/${file}`,
    code: readFileSync(resolve(dir, file), 'utf8'),
  }));
});

describe('the widget code', () => {
  it('writes no inline styles and no HTML strings', () => {
    for (const { file, code } of sources) {
      expect(code, file).not.toMatch(
        /innerHTML|dangerouslySetInnerHTML|insertAdjacentHTML|document\.write/,
      );
      expect(code, file).not.toMatch(/\bstyle=\{|setAttribute\(\s*['"]style|cssText/);
      // Only a stylesheet rule's own custom properties are set through CSSOM (place-near.ts).
      expect(code.replaceAll('rule.style.setProperty', ''), file).not.toMatch(/\.style\b/);
      expect(code, file).not.toMatch(/createElement\(\s*['"](?:style|script|link)['"]/);
    }
  });

  it('touches storage only through the consent-first store, and cookies never', () => {
    for (const { file, code } of sources) {
      expect(code, file).not.toMatch(/document\.cookie|indexedDB/);
      if (file !== 'core/src/consent-storage.ts') {
        expect(code, file).not.toMatch(/localStorage|sessionStorage/);
      }
    }
  });
});
