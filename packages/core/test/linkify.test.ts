// @vitest-environment jsdom
import { linkify, safeHref } from '@frontdesk/core';
import { within } from '@testing-library/preact';
import { Fragment, h, render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { allElements } from './support/all-elements';

function rendered(text: string): HTMLElement {
  const container = document.createElement('p');
  document.body.append(container);
  render(h(Fragment, null, linkify(text)), container);
  return container;
}

afterEach(() => document.body.replaceChildren());

/** Messages an attacker might send as a visitor, an operator or an operator's name. */
const XSS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=1</script>',
  '<a href="javascript:window.__xss=1">click</a>',
  'javascript:window.__xss=1',
  'see JAVASCRIPT:window.__xss=1//https://example.com',
  '<svg onload="window.__xss=1"></svg>',
  '"><iframe src="javascript:window.__xss=1"></iframe>',
  'data:text/html,<script>window.__xss=1</script>',
  'https://example.com/"onmouseover="window.__xss=1',
  'https://example.com/<script>window.__xss=1</script>',
];

describe('linkify', () => {
  it('makes http(s) addresses links that open safely in a new tab', () => {
    const p = rendered('Look at https://example.com/a?b=1, and http://x.test/path.');
    const links = within(p).getAllByRole<HTMLAnchorElement>('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://example.com/a?b=1',
      'http://x.test/path',
    ]);
    for (const a of links) {
      expect(a.target).toBe('_blank');
      expect(a.rel).toBe('noopener noreferrer');
    }
    expect(p.textContent).toBe('Look at https://example.com/a?b=1, and http://x.test/path.');
  });

  it('keeps plain text and line breaks as they are', () => {
    expect(linkify('no links\nhere')).toEqual(['no links\nhere']);
    expect(linkify('')).toEqual([]);
  });

  it.each(XSS)('renders %s as text: no element, no script, no javascript: link', (attack) => {
    (window as { __xss?: number }).__xss = undefined;
    const p = rendered(attack);
    // Nothing in the paragraph but its links: no element the attack could have brought.
    expect(allElements(p).map((element) => element.localName)).toEqual(
      within(p)
        .queryAllByRole('link')
        .map(() => 'a'),
    );
    for (const a of within(p).queryAllByRole<HTMLAnchorElement>('link')) {
      expect(a.protocol).toMatch(/^https?:$/);
      expect(a.getAttribute('href')).not.toMatch(/javascript:|data:|["<>]/i);
      expect([...a.attributes].map((attribute) => attribute.name).sort()).toEqual([
        'href',
        'rel',
        'target',
      ]);
    }
    expect(p.textContent).toBe(attack);
    expect((window as { __xss?: number }).__xss).toBeUndefined();
  });

  it('accepts only http and https as links', () => {
    expect(safeHref('https://example.com')).toBe('https://example.com/');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,x')).toBeUndefined();
    expect(safeHref('not a url')).toBeUndefined();
  });

  it('runs no script from a message even when it is clicked', () => {
    const p = rendered('<a href="javascript:window.__xss=1" id="x">x</a>');
    const spy = vi.fn();
    window.addEventListener('error', spy);
    // The markup is text: clicking it follows nothing.
    within(p).getByText('<a href="javascript:window.__xss=1" id="x">x</a>').click();
    expect(within(p).queryByRole('link')).toBeNull();
    expect(spy).not.toHaveBeenCalled();
  });
});
