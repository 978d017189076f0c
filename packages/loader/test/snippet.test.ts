import { createContext, runInContext } from 'node:vm';
import { openAttribute, snippet } from '@frontdesk/loader';
import { describe, expect, it } from 'vitest';

const base = { baseUrl: 'https://fd.example/', widget: 'demo-callback' } as const;

describe('snippet', () => {
  it('is a queueing stub, the init command and the async loader', () => {
    const text = snippet({ ...base, format: 'button' });
    expect(text).toContain(
      'window.Frontdesk = window.Frontdesk || function () { (Frontdesk.q = Frontdesk.q || []).push(arguments); };',
    );
    expect(text).toContain(`Frontdesk('init', {"widget":"demo-callback","launcher":"button"});`);
    expect(text).toContain('<script async src="https://fd.example/v1/loader.js"></script>');
  });

  it('names the launcher format: link code has none, label code a tab', () => {
    expect(snippet({ ...base, format: 'link' })).toContain('"launcher":"link"');
    expect(snippet({ ...base, format: 'label' })).toContain('"launcher":"label"');
    expect(openAttribute('demo-callback')).toBe('data-frontdesk-open="demo-callback"');
  });

  it('carries a nonce on both scripts and the consent option when asked', () => {
    const text = snippet({ ...base, format: 'button', nonce: 'abc123==', consent: true });
    expect(text.match(/nonce="abc123=="/g)).toHaveLength(2);
    expect(text).toContain('"consent":true');
  });

  it('queues calls in a page: pasted twice, the queue keeps every command', () => {
    const text = snippet({ ...base, format: 'button' });
    const stub = text
      .split('\n')
      .filter((line) => line.startsWith('  '))
      .join('\n');
    // A page's global object, as the inline script sees it.
    const page = createContext({}) as {
      window?: unknown;
      Frontdesk?: { q?: ArrayLike<unknown>[] };
    };
    page.window = page;
    runInContext(stub, page);
    runInContext(stub, page);
    expect(
      page.Frontdesk?.q?.map((args) => JSON.parse(JSON.stringify([...Array.from(args)]))),
    ).toEqual([
      ['init', { widget: 'demo-callback', launcher: 'button' }],
      ['init', { widget: 'demo-callback', launcher: 'button' }],
    ]);
  });

  it('refuses keys, formats and nonces that could break out of the markup', () => {
    expect(() =>
      snippet({ ...base, widget: '"></script><script>alert(1)', format: 'button' }),
    ).toThrow(TypeError);
    expect(() => snippet({ ...base, format: 'popup' as never })).toThrow(/format/);
    expect(() => snippet({ ...base, format: 'button', nonce: '" onload="x' })).toThrow(/nonce/);
  });
});
