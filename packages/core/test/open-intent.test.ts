// @vitest-environment jsdom
import { fastConnection, onOpenIntent, opener } from '@frontdesk/core';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  document.body.replaceChildren();
  vi.unstubAllGlobals();
});

/** A browser saying its connection is `effectiveType`, saving data or not. */
function connection(effectiveType: string, saveData = false) {
  vi.stubGlobal('navigator', { ...navigator, connection: { effectiveType, saveData } });
}

describe('onOpenIntent', () => {
  it('loads on intent towards the launcher', () => {
    const launcher = document.createElement('button');
    document.body.append(launcher);
    const load = vi.fn(async () => undefined);
    const stop = onOpenIntent('k', launcher, load);
    document.body.dispatchEvent(new Event('pointerover', { bubbles: true }));
    expect(load).not.toHaveBeenCalled();
    launcher.dispatchEvent(new Event('pointerover', { bubbles: true }));
    expect(load).toHaveBeenCalledTimes(1);
    stop();
  });

  it('without a launcher, loads on intent towards a link that opens the widget', () => {
    document.body.innerHTML = `<a id="other" href="#">x</a><a id="ours" data-frontdesk-open="k">Chat</a>`;
    const load = vi.fn(async () => {
      throw new Error('offline');
    });
    const stop = onOpenIntent('k', undefined, load);
    document.getElementById('other')?.dispatchEvent(new Event('focusin', { bubbles: true }));
    expect(load).not.toHaveBeenCalled();
    // A failed prefetch is not an unhandled rejection: the opening loads and reports it.
    document.getElementById('ours')?.dispatchEvent(new Event('focusin', { bubbles: true }));
    expect(load).toHaveBeenCalledTimes(1);
    stop();
  });

  it('prefetches when the browser is idle only on a fast connection without Save-Data', async () => {
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => setTimeout(callback, 0));
    vi.stubGlobal('cancelIdleCallback', (id: number) => clearTimeout(id));
    const launcher = document.createElement('button');
    const idleLoads = async () => {
      const load = vi.fn(async () => undefined);
      const stop = onOpenIntent('k', launcher, load);
      await new Promise((resolve) => setTimeout(resolve, 20));
      stop();
      return load.mock.calls.length;
    };
    connection('4g');
    expect(fastConnection()).toBe(true);
    expect(await idleLoads()).toBe(1);
    connection('3g');
    expect(await idleLoads()).toBe(0);
    connection('4g', true);
    expect(await idleLoads()).toBe(0);
    vi.stubGlobal('navigator', {});
    expect(fastConnection()).toBe(false);
    expect(await idleLoads()).toBe(0);
  });

  it('selects the elements that open a widget', () => {
    expect(opener('demo-chat')).toBe('[data-frontdesk-open="demo-chat"]');
  });
});
