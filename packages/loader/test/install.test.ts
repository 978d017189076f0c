// @vitest-environment jsdom
import {
  type FrontdeskGlobal,
  type InitOptions,
  install,
  type LoaderHandle,
  type LoaderHost,
  type LoaderWindow,
} from '@frontdesk/loader';
import { within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';

const API = 'https://fd.example/v1/';

/** A page: its own document, the snippet's stub with `queued` commands, a platform answering `answer`. */
function page(
  queued: unknown[][] = [],
  answer: (key: string) => Response = () => json({ type: 'callback' }),
) {
  const doc = document.implementation.createHTMLDocument('page');
  const script = doc.createElement('script');
  script.src = `${API}loader.js`;
  doc.body.append(script);
  const stub = (() => {}) as FrontdeskGlobal;
  stub.q = queued;
  const fetch = vi.fn(async (url: string | URL | Request) =>
    answer(String(url).split('/').at(-2) ?? ''),
  );
  const win: LoaderWindow = { Frontdesk: stub, fetch: fetch as unknown as typeof globalThis.fetch };
  const started: LoaderHost[] = [];
  const handles: Record<string, { [K in keyof LoaderHandle]: ReturnType<typeof vi.fn> }> = {};
  const importChunk = vi.fn(async (_url: string) => ({
    start(host: LoaderHost) {
      started.push(host);
      const handle = {
        open: vi.fn(),
        close: vi.fn(),
        identify: vi.fn(),
        consent: vi.fn(),
        destroy: vi.fn(),
      };
      handles[host.key] = handle;
      return handle;
    },
  }));
  const load = (runtime?: string) => install(win, doc, script, importChunk, runtime);
  const api = (...args: unknown[]) => (win.Frontdesk as FrontdeskGlobal)(...(args as [string]));
  return { doc, script, win, fetch, importChunk, started, handles, load, api };
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const init = (widget: string, extra: Partial<InitOptions> = {}) => [
  'init',
  { widget, launcher: 'button', ...extra },
];

afterEach(() => vi.restoreAllMocks());

describe('the loader', () => {
  it('replays the queue, fetches the config and starts the widget chunk of its type', async () => {
    const p = page([init('demo-callback')]);
    p.load();
    await settle();
    expect(p.fetch).toHaveBeenCalledWith(`${API}widgets/demo-callback/config`, {
      credentials: 'omit',
    });
    expect(p.importChunk).toHaveBeenCalledWith(`${API}assets/callback.js`);
    expect(p.started).toHaveLength(1);
    expect(p.started[0]).toMatchObject({
      key: 'demo-callback',
      config: { type: 'callback' },
      launcher: 'button',
      consent: false,
      api: API,
    });
    expect(p.win.Frontdesk?.loaded).toBe(true);
  });

  it('imports the widgets’ shared runtime once, beside the first config, when it knows it', async () => {
    const p = page([init('a'), init('b')]);
    p.load('widget-shell-AbCd1234.js');
    expect(p.importChunk.mock.calls[0]?.[0]).toBe(`${API}assets/widget-shell-AbCd1234.js`);
    await settle();
    await settle();
    const urls = p.importChunk.mock.calls.map(([url]) => url);
    expect(urls.filter((url) => url.includes('widget-shell'))).toHaveLength(1);
    expect(urls).toContain(`${API}assets/callback.js`);
    expect(p.started.map((host) => host.key).sort()).toEqual(['a', 'b']);
  });

  it('is safe when pasted twice: one installation, one widget per key', async () => {
    const p = page([init('a'), init('a')]);
    p.load();
    const installed = p.win.Frontdesk;
    p.load(); // the second copy's loader
    expect(p.win.Frontdesk).toBe(installed);
    p.api(...init('a')); // the second copy's stub line, after the loader ran
    p.api(...init('b'));
    await settle();
    expect(p.fetch).toHaveBeenCalledTimes(2);
    expect(p.started.map((host) => host.key)).toEqual(['a', 'b']);
  });

  it('keeps commands sent before the chunk started, then hands them over in order', async () => {
    const p = page([init('a'), ['open'], ['identify', { name: 'Ann' }]]);
    p.load();
    p.api('close', 'a');
    expect(p.started).toHaveLength(0);
    await settle();
    const handle = p.handles.a;
    expect(handle?.open).toHaveBeenCalledTimes(1);
    expect(handle?.identify).toHaveBeenCalledWith({ name: 'Ann' });
    expect(handle?.close).toHaveBeenCalledTimes(1);
    expect(handle?.open.mock.invocationCallOrder[0]).toBeLessThan(
      handle?.close.mock.invocationCallOrder[0] ?? 0,
    );
  });

  it('routes commands: open the first or the named widget, the rest to all', async () => {
    const p = page([init('a'), init('b')]);
    p.load();
    await settle();
    p.api('open');
    p.api('open', 'b');
    p.api('close');
    p.api('consent');
    expect(p.handles.a?.open).toHaveBeenCalledTimes(1);
    expect(p.handles.b?.open).toHaveBeenCalledTimes(1);
    for (const key of ['a', 'b']) {
      expect(p.handles[key]?.close).toHaveBeenCalledTimes(1);
      expect(p.handles[key]?.consent).toHaveBeenCalledTimes(1);
    }
    p.api('destroy', 'a');
    expect(p.handles.a?.destroy).toHaveBeenCalledTimes(1);
    p.api(...init('a')); // destroyed: may be initialised again
    await settle();
    expect(p.started.map((host) => host.key)).toEqual(['a', 'b', 'a']);
  });

  it('reads the options of its own script tag', async () => {
    const p = page();
    p.script.dataset.widget = 'tagged';
    p.script.dataset.launcher = 'label';
    p.script.dataset.consent = '';
    p.load();
    await settle();
    expect(p.started[0]).toMatchObject({ key: 'tagged', launcher: 'label', consent: true });
  });

  it('opens a widget from any element carrying data-frontdesk-open (the link code)', async () => {
    const p = page([['init', { widget: 'a', launcher: 'link' }]]);
    p.load();
    const link = p.doc.createElement('a');
    link.href = '#call';
    link.setAttribute('data-frontdesk-open', 'a');
    link.innerHTML = '<span>Call me</span>';
    p.doc.body.append(link);
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    // Its text clicked (the event comes from the inner span) before the chunk arrived.
    within(link).getByText('Call me').dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    await settle();
    expect(p.started[0]?.launcher).toBe('link');
    expect(p.handles.a?.open).toHaveBeenCalledWith(link);

    const other = p.doc.createElement('button');
    other.setAttribute('data-frontdesk-open', 'b'); // a key nobody initialised
    p.doc.body.append(other);
    other.click();
    await settle();
    expect(p.started.map((host) => [host.key, host.launcher])).toEqual([
      ['a', 'link'],
      ['b', 'link'],
    ]);
    expect(p.handles.b?.open).toHaveBeenCalledWith(other);
  });

  it('reports errors once to the console and to error listeners, and never throws', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const refusal =
      "widget a is not allowed on https://x.example — add it in the Studio: the widget's Settings → Sites where the widget may run";
    const p = page([], () =>
      json({ error: { code: 'origin_not_allowed', message: refusal } }, 403),
    );
    p.load();
    const errors: unknown[] = [];
    p.api('on', 'error', (detail: unknown) => errors.push(detail));
    const broken = new Error('a broken listener');
    p.api('on', 'error', () => {
      throw broken;
    });
    p.api(...init('a'));
    await settle();
    p.api('destroy', 'a');
    p.api(...init('a')); // the same failure again
    await settle();
    expect(errors).toEqual([
      { widget: 'a', code: 'origin_not_allowed', message: refusal },
      { widget: 'a', code: 'origin_not_allowed', message: refusal },
    ]);
    // The platform's refusal is one plain line, once; a bug keeps its stack (the Error itself).
    expect(logged.mock.calls).toEqual([[`Frontdesk: ${refusal}`], ['Frontdesk:', broken]]);

    expect(() => p.api('init', { widget: '"><script>' })).not.toThrow();
    expect(() => p.api('launch')).not.toThrow();
    expect(errors.slice(2)).toMatchObject([{ code: 'invalid_init' }, { code: 'unknown_command' }]);
  });

  it('names the widget when the platform fails without saying why', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const p = page([init('a')], () => new Response('Bad gateway', { status: 502 }));
    p.load();
    await settle();
    expect(logged.mock.calls).toEqual([['Frontdesk: widget "a": the platform answered 502']]);
  });

  it('refuses a config of no known widget type, naming the field', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const p = page([init('a')], () => json({ type: 42 }));
    const errors: { message: string }[] = [];
    p.load();
    p.api('on', 'error', (detail: { message: string }) => errors.push(detail));
    await settle();
    expect(p.importChunk).not.toHaveBeenCalled();
    expect(errors[0]?.message).toMatch(/config field "type"/);
  });

  it('reports a chunk that fails to load and keeps the page going', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const p = page([init('a')]);
    p.importChunk.mockRejectedValueOnce(
      new TypeError('Failed to fetch dynamically imported module'),
    );
    p.load();
    const errors: unknown[] = [];
    p.api('on', 'error', (detail: unknown) => errors.push(detail));
    await settle();
    expect(errors).toEqual([
      { widget: 'a', code: 'error', message: 'Failed to fetch dynamically imported module' },
    ]);
    expect(() => p.api('open', 'a')).not.toThrow();
  });
});
