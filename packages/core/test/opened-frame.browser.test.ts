/** In Chromium: adoptOnce, each style text adopted into a shadow root once, after what it has. */
import { adoptOnce } from '@frontdesk/core';
import { describe, expect, it } from 'vitest';

const rulesOf = (root: ShadowRoot) =>
  root.adoptedStyleSheets.map((sheet) => [...sheet.cssRules].map((rule) => rule.cssText).join());

describe('adoptOnce', () => {
  it('adds each text once per shadow root, after the sheets the root has', () => {
    const root = document.createElement('div').attachShadow({ mode: 'open' });
    const own = new CSSStyleSheet();
    own.replaceSync('.fd {color: red;}');
    root.adoptedStyleSheets = [own];
    adoptOnce(root, '.a{color:blue}');
    adoptOnce(root, '.b{color:green}');
    adoptOnce(root, '.a{color:blue}');
    expect(rulesOf(root)).toEqual([
      '.fd { color: red; }',
      '.a { color: blue; }',
      '.b { color: green; }',
    ]);
    // Another widget's root gets its own copy.
    const other = document.createElement('div').attachShadow({ mode: 'open' });
    adoptOnce(other, '.a{color:blue}');
    expect(rulesOf(other)).toEqual(['.a { color: blue; }']);
  });
});
